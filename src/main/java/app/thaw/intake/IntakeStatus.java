package app.thaw.intake;

/**
 * Where a case stands for the practice. It follows from what happened to the case (the course of care's events), never
 * from a label someone picks. Clients never see it as such: some states (waiting for the partner's form) would tell one
 * partner about the other, so their status page words {@link ClientStatus.Stage} instead.
 */
public enum IntakeStatus {
    NEW,
    IN_REVIEW,
    AWAITING_PARTNER,
    REFERRED,
    WAITING,
    SCHEDULED,
    IN_THERAPY,
    ENDED,
    CLOSED;

    /** How staff read it: "In review", "Awaiting partner". */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase(java.util.Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
