package app.thaw.caseaccess;

/**
 * The policy refused someone an operation on a case. Published while the refusal happens, in the caller's thread (so
 * the audit log names who asked) and recorded even when the caller's own work is rolled back.
 */
public record CaseAccessDenied(long intakeId, String reference, CaseOperation operation) {
}
