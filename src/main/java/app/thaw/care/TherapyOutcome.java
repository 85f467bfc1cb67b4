package app.thaw.care;

/** How a course of therapy ended, as the therapist records it at the end of therapy. */
public enum TherapyOutcome {
    COMPLETED("Completed"),
    DROPPED_OUT("Dropped out"),
    REFERRED_ON("Referred on");

    private final String label;

    TherapyOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
