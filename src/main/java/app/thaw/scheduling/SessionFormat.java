package app.thaw.scheduling;

/** Where a session happens. */
public enum SessionFormat {
    IN_PERSON("In person"),
    ONLINE("Online");

    private final String label;

    SessionFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
