package app.thaw.notification;

/** Where an email stands in the outbox. */
public enum OutboxStatus {
    /** Waiting for its next delivery attempt. */
    PENDING("Waiting"),
    SENT("Sent"),
    /** Gave up after the last attempt; an admin may queue it again. */
    FAILED("Failed"),
    /** Kept here instead of sent, because no mail server is configured. */
    CAPTURED("Captured"),
    /** No longer worth sending, such as a reminder for a session that was cancelled or has started. */
    WITHDRAWN("Withdrawn");

    private final String label;

    OutboxStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
