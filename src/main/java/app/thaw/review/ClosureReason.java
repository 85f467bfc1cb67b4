package app.thaw.review;

/** Why a case is closed, chosen from a list: the audit log and reports keep it, so it holds nothing clinical. */
public enum ClosureReason {
    THERAPY_ENDED("Therapy has ended"),
    REFERRED_ELSEWHERE("Referred elsewhere"),
    NO_RESPONSE("No response from the client"),
    CLIENT_WITHDREW("The client withdrew"),
    OTHER("Other");

    private final String label;

    ClosureReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
