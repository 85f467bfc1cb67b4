package app.thaw.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/**
 * Links and addresses come from the edge only: no other code reads the request's host, scheme, port or URL (the
 * way a poisoned Host header would reach a link), and none reads forwarded headers itself.
 */
class EdgeRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.thaw");

    private static final DescribedPredicate<JavaMethodCall> READS_REQUEST_ADDRESS = DescribedPredicate.describe(
            "reads the host, scheme, port or URL of a request", call -> {
                String owner = call.getTarget().getOwner().getName();
                String name = call.getTarget().getName();
                boolean request = owner.startsWith("jakarta.servlet") || owner.startsWith("com.vaadin.flow.server");
                return request && (name.equals("getServerName") || name.equals("getServerPort")
                        || name.equals("getScheme") || name.equals("getRequestURL") || name.equals("getLocalName"));
            });

    private static final ArchRule ONLY_THE_EDGE_READS_THE_ADDRESS = noClasses()
            .that().resideOutsideOfPackage("app.thaw.base.web..")
            .should().callMethodWhere(READS_REQUEST_ADDRESS);

    @Test
    void onlyTheEdgeReadsTheRequestsHostSchemeOrUrl() {
        EvaluationResult result = ONLY_THE_EDGE_READS_THE_ADDRESS.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void theRuleCatchesALinkBuiltFromTheRequestsHost() {
        JavaClasses poisoned = new ClassFileImporter().importClasses(LinkFromTheHostHeader.class);
        EvaluationResult result = ONLY_THE_EDGE_READS_THE_ADDRESS.evaluate(poisoned);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("getServerName"));
    }

    /** What the rule exists to stop: a link that takes its host from whatever the request claims. */
    static final class LinkFromTheHostHeader {
        static String statusLink(HttpServletRequest request, String token) {
            return "https://" + request.getServerName() + "/status/" + token;
        }
    }
}
