package app.thaw.caseaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/security.md shows the policy table the code enforces: this keeps the two the same, word for word. */
class PolicyTableDocTest {

    private static final List<CaseRelation> COLUMNS = List.of(CaseRelation.ASSIGNED, CaseRelation.BOOKED,
            CaseRelation.SHARED_QUEUE, CaseRelation.PRACTICE_MANAGER, CaseRelation.SYSTEM, CaseRelation.API_CLIENT,
            CaseRelation.CLINICAL_LEAD);

    static String table() {
        var table = new StringBuilder("""
                | Resource | Action | Assigned therapist | Therapist with a session | Any therapist, case unassigned \
                | Practice manager | System (jobs) | API client (FHIR, scoped) | Clinical lead | Colleague, not signed in |
                |---|---|:-:|:-:|:-:|:-:|:-:|:-:|:-:|:-:|
                """);
        for (CaseOperation operation : CaseOperation.values()) {
            table.append("| ").append(operation.resource()).append(" | ").append(operation.action()).append(" |");
            for (CaseRelation relation : COLUMNS) {
                table.append(operation.allows(relation) ? " yes |" : " no |");
            }
            table.append(" no |\n");
        }
        return table.toString();
    }

    @Test
    void securityDocShowsThePolicyTableTheCodeEnforces() throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"));
        assertThat(doc).as("docs/security.md must contain this table (copy it from here):%n%s", table())
                .contains(table());
    }
}
