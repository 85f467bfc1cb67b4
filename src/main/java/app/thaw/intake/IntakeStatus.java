package app.thaw.intake;

/**
 * Where a case stands for the practice. Clients never see it as such: some states (waiting for the partner's form)
 * would tell one partner about the other, so their status page words {@link ClientStatus.Stage} instead.
 */
public enum IntakeStatus {
    NEW,
    IN_REVIEW,
    AWAITING_PARTNER,
    REFERRED,
    SCHEDULED,
    CLOSED
}
