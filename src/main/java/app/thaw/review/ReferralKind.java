package app.thaw.review;

/** The referral decisions a therapist can make; outside referrals produce a letter. */
public enum ReferralKind {
    COUPLES("Couples therapy", false, true),
    INDIVIDUAL("Individual therapy", false, false),
    BOTH("Couples and individual therapy", false, true),
    GP_MEDICATION_REVIEW("GP — medication review", true, false),
    GP_HORMONAL_REVIEW("GP — hormonal review", true, false),
    NHS_TALKING_THERAPIES("NHS Talking Therapies", true, false),
    CRISIS_SERVICE("Crisis service", true, false);

    private final String label;
    private final boolean outside;
    private final boolean involvesPartner;

    ReferralKind(String label, boolean outside, boolean involvesPartner) {
        this.label = label;
        this.outside = outside;
        this.involvesPartner = involvesPartner;
    }

    public String label() {
        return label;
    }

    /** An outside referral produces a letter to download. */
    public boolean isOutside() {
        return outside;
    }

    /** Joint work with the partner: not without an explicit decision while a partner-fear flag is open. */
    public boolean involvesPartner() {
        return involvesPartner;
    }
}
