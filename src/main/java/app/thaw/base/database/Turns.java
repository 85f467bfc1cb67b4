package app.thaw.base.database;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The advisory-lock key spaces in which work on one therapist or case takes turns (two-key form, space and id), named
 * once for Java; the migrations that take them in triggers use the same numbers (ADR 25, 26).
 */
public final class Turns {

    /** A therapist's diary ('thaw'): every booking from its insert to its commit, every held time (V184). */
    public static final int DIARY = 0x7468_6177;
    /** A therapist's caseload ('hold'): every case and every subject access review given to them (V183, V185). */
    public static final int CASELOAD = 0x686f_6c64;

    private Turns() {
    }

    /**
     * In the caller's transaction, waits until the work in flight that shares this turn has committed, and makes
     * later work wait until the caller's transaction ends.
     */
    public static void takeAlone(JdbcTemplate jdbc, int space, long id) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> { }, space, (int) id);
    }
}
