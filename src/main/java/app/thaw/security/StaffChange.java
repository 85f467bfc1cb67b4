package app.thaw.security;

/** What was done to a staff account, for the audit log. */
public enum StaffChange {
    INVITED,
    LINK_RENEWED,
    ROLE_CHANGED,
    DEACTIVATED,
    REACTIVATED,
    PASSWORD_RESET,
    /** A practice manager corrected someone's name or email address. */
    DETAILS_CHANGED,
    /** An admin's change that the rules refused, such as demoting the last practice manager. */
    REFUSED,
    /** The staff member chose their password with an invitation or reset link (nobody is signed in). */
    PASSWORD_CHOSEN,
    PASSWORD_CHANGED,
    /** A practice manager let someone sign in again before their sign-in pause ran out. */
    SIGN_IN_PAUSE_LIFTED
}
