package app.thaw.fhir.api;

import org.hl7.fhir.r4.model.OperationOutcome;

/** OperationOutcomes: what went wrong in words, the FHIR issue type, never a stack trace. */
final class Outcomes {

    private Outcomes() {
    }

    static OperationOutcome error(String issueCode, String message) {
        var outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(issueCode)).setDiagnostics(message);
        return outcome;
    }
}
