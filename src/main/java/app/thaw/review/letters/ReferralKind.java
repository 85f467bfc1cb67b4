package app.thaw.review.letters;

/** The outside referrals that produce a letter, each with the subject line the letter carries. */
public enum ReferralKind {
    GP_MEDICATION_REVIEW("Request for medication review"),
    GP_HORMONAL_REVIEW("Request for hormonal review"),
    NHS_TALKING_THERAPIES("Referral to NHS Talking Therapies"),
    CRISIS_SERVICE("Urgent referral to crisis services");

    private final String subject;

    ReferralKind(String subject) {
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }

    /** True for the two kinds written to the client's GP. */
    public boolean toGp() {
        return this == GP_MEDICATION_REVIEW || this == GP_HORMONAL_REVIEW;
    }
}
