package app.thaw.intake;

/**
 * Where a case stands, with the words a client sees on their status page. It follows from what happened to the case
 * (the course of care's events), never from a label someone picks.
 */
public enum IntakeStatus {
    NEW("Received — waiting for a therapist to read it"),
    IN_REVIEW("A therapist is reading your form"),
    AWAITING_PARTNER("Received — waiting for your partner's form"),
    REFERRED("A therapist has decided the next step"),
    WAITING("You're on our waiting list — we'll offer you a time as soon as we can"),
    SCHEDULED("An appointment has been booked"),
    IN_THERAPY("Your sessions have started"),
    ENDED("Your sessions have ended"),
    CLOSED("Closed");

    private final String clientWording;

    IntakeStatus(String clientWording) {
        this.clientWording = clientWording;
    }

    public String clientWording() {
        return clientWording;
    }
}
