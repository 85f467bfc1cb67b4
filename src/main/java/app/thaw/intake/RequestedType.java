package app.thaw.intake;

/** The kind of therapy the client asked for in their preferences. */
public enum RequestedType {
    COUPLES("Couples"),
    INDIVIDUAL("Individual"),
    NOT_SURE("Not sure");

    private final String label;

    RequestedType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Maps the questionnaire's option value; anything unexpected is treated as "not sure". */
    public static RequestedType fromAnswer(String value) {
        return switch (value == null ? "" : value) {
            case "couples" -> COUPLES;
            case "individual" -> INDIVIDUAL;
            default -> NOT_SURE;
        };
    }
}
