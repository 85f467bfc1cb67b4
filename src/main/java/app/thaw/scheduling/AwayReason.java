package app.thaw.scheduling;

/** Why a therapist is away, in the words the diary shows; nothing more personal than that. */
public enum AwayReason {
    ANNUAL_LEAVE("Annual leave"),
    SICKNESS("Sickness"),
    TRAINING("Training"),
    OTHER("Away");

    private final String label;

    AwayReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
