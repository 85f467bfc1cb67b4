package app.thaw.scheduling;

/** Where a session stands. Cancelled sessions free their time and room. */
public enum AppointmentState {
    BOOKED("Booked"),
    ATTENDED("Attended"),
    NO_SHOW("Did not attend"),
    CANCELLED("Cancelled");

    private final String label;

    AppointmentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
