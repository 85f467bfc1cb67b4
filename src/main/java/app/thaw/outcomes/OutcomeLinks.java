package app.thaw.outcomes;

/** Routes of the outcome screens, for links from messages and other screens. */
public final class OutcomeLinks {

    private OutcomeLinks() {
    }

    /** A case's measures, charts and any open alert. */
    public static String caseMeasures(String reference) {
        return "staff/cases/" + reference + "/measures";
    }

    public static String alert(String reference) {
        return caseMeasures(reference) + "#measure-alert";
    }

    /** The queue searched for one reference: what a practice manager may see of a case. */
    public static String queueRow(String reference) {
        return "staff?search=" + reference;
    }

    public static final String REPORT = "staff/reports/outcomes";

    /** The client's form behind a measure link. */
    public static String form(String token) {
        return "measures/" + token;
    }
}
