package app.thaw.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Links and addresses come from the edge only: no other code reads the request's host, scheme, port or URL (the
 * way a poisoned Host header would reach a link), and none reads forwarded headers itself.
 */
class EdgeRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.thaw");

    @Test
    void onlyTheEdgeReadsTheRequestsHostSchemeOrUrl() {
        noClasses().that().resideOutsideOfPackage("app.thaw.base.web..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "reads the host, scheme, port or URL of a request",
                        call -> {
                            String owner = call.getTarget().getOwner().getName();
                            String name = call.getTarget().getName();
                            boolean request = owner.startsWith("jakarta.servlet") || owner.startsWith("com.vaadin.flow.server");
                            return request && (name.equals("getServerName") || name.equals("getServerPort")
                                    || name.equals("getScheme") || name.equals("getRequestURL")
                                    || name.equals("getLocalName"));
                        }))
                .check(CLASSES);
    }
}
