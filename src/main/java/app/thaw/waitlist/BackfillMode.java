package app.thaw.waitlist;

/** What happens to a time a cancellation gives back. */
public enum BackfillMode {
    OFF("Leave it in the diary"),
    SUGGEST("Suggest waiting cases to staff (one click to offer)"),
    AUTO("Offer it at once to the best-fitting waiting cases");

    private final String label;

    BackfillMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
