package app.thaw.intake;

/** Where a case stands, with the words a client sees on their status page. */
public enum IntakeStatus {
    NEW("Received — waiting for a therapist to read it"),
    IN_REVIEW("A therapist is reading your form"),
    AWAITING_PARTNER("Received — waiting for your partner's form"),
    REFERRED("A therapist has decided the next step"),
    SCHEDULED("An appointment has been booked"),
    CLOSED("Closed");

    private final String clientWording;

    IntakeStatus(String clientWording) {
        this.clientWording = clientWording;
    }

    public String clientWording() {
        return clientWording;
    }
}
