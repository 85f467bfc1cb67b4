package app.thaw.waitlist;

/** What a waiting case needs: sessions for one client, or joint sessions for a couple. */
public enum ServiceType {
    INDIVIDUAL("Individual", "INDIVIDUAL"),
    COUPLES("Couples", "COUPLES");

    private final String label;
    private final String sessionTypeCode;

    ServiceType(String label, String sessionTypeCode) {
        this.label = label;
        this.sessionTypeCode = sessionTypeCode;
    }

    public String label() {
        return label;
    }

    /** The kind of session a first appointment for this service is booked as. */
    String sessionTypeCode() {
        return sessionTypeCode;
    }
}
