package app.thaw.care;

/** What happened to a case, in the past tense; the status and the course of care follow from these alone. */
public enum CareEventKind {
    SUBMITTED("Form received"),
    AWAITING_PARTNER("Waiting for the partner's form"),
    PARTNER_JOINED("Partner's form received"),
    REVIEW_STARTED("Review started"),
    REFERRED("Referral decided"),
    WAITLISTED("Added to the waiting list"),
    LEFT_WAITING_LIST("Left the waiting list"),
    SESSION_BOOKED("Session booked"),
    SESSION_CANCELLED("Session cancelled"),
    SESSION_ATTENDED("Session attended"),
    SESSION_MISSED("Session not attended"),
    THERAPY_ENDED("Therapy ended"),
    CASE_CLOSED("Case closed"),
    CASE_REOPENED("Case reopened");

    private final String label;

    CareEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isSession() {
        return name().startsWith("SESSION");
    }
}
