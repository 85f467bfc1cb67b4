package app.thaw.review;

/** A part of an open case that an action can change: the case view reads again only the parts an action touched. */
public enum CasePart {
    /** Assignment and risk review (the header and the risk panel). */
    STATE,
    FACTORS,
    REFERRALS,
    NOTES,
    HISTORY,
    /** Status and course of care, from the case's events. */
    STAGE,
    SESSION_NOTES,
    /** Corrections of answers: the answers themselves never change, so they are never read (or decrypted) again. */
    AMENDMENTS
}
