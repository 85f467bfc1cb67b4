package app.thaw.review;

/** Where staff go to do what a refusal asks: routes of the review screens, for messages from other features. */
public final class CaseLinks {

    private CaseLinks() {
    }

    public static String caseView(String reference) {
        return "staff/cases/" + reference;
    }

    /** The case opens on its risk panel when the risk is unreviewed. */
    public static String risk(String reference) {
        return caseView(reference) + "#risk";
    }

    /** Where a therapist ends therapy, closes or reopens the case. */
    public static String careStage(String reference) {
        return caseView(reference) + "#care-stage";
    }

    public static String referral(String reference) {
        return caseView(reference) + "#referral";
    }

    /** The queue searched for one reference: what a practice manager may see of a case. */
    public static String queueRow(String reference) {
        return "staff?search=" + reference;
    }
}
