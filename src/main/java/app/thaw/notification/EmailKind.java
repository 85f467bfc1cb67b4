package app.thaw.notification;

/** What an email is about; part of its idempotency key. */
public enum EmailKind {
    BOOKED("Booking"),
    CHANGED("Change"),
    CANCELLED("Cancellation"),
    REMINDER("Reminder"),
    INTAKE_RECEIVED("Form received"),
    PARTNER_INVITATION("Partner invitation"),
    STAFF_INVITATION("Staff invitation"),
    PASSWORD_RESET("Password reset"),
    SIGN_IN_PAUSED("Sign-in paused"),
    STAFF_EMAIL_CHANGED("Account email changed"),
    MEASURE_LINK("Questions before a session"),
    SLOT_OFFER("Times offered"),
    OFFER_ENDED("Offer ended"),
    CASE_ATTENTION("Case needs attention");

    private final String label;

    EmailKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
