package app.thaw.privacy;

/** Where a subject access request stands: the clinician's review comes before any release. */
public enum AccessRequestStatus {
    AWAITING_REVIEW("Waiting for the clinician's review"),
    APPROVED("Approved for release"),
    APPROVED_WITH_REDACTIONS("Approved for release with some information withheld"),
    RELEASED("Released to the client"),
    WITHDRAWN("Withdrawn");

    private final String label;

    AccessRequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open requests block a second one for the same client (the database agrees). */
    public boolean open() {
        return this == AWAITING_REVIEW || this == APPROVED || this == APPROVED_WITH_REDACTIONS;
    }

    /** The files may be downloaded: a clinician approved them (the first download releases them). */
    public boolean downloadable() {
        return this == APPROVED || this == APPROVED_WITH_REDACTIONS || this == RELEASED;
    }
}
