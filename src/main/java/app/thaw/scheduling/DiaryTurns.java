package app.thaw.scheduling;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bookings into one therapist's diary take turns from the insert to the commit (a transaction-scoped advisory lock):
 * racing bookings of the same time then meet the winner's committed session and end as a conflict at once, instead
 * of deadlocking on each other's uncommitted rows in the exclusion check and waiting for PostgreSQL to break the
 * deadlock. The exclusion constraints still decide who wins; this only orders the contenders.
 */
@Component
class DiaryTurns {

    /** The advisory-lock key space of the diary (other features use the one-key form or other spaces). */
    private static final int DIARY = 0x7468_6177;

    private final JdbcTemplate jdbc;

    DiaryTurns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for this therapist's diary within the caller's transaction; released when it ends. */
    void take(long therapistId) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", DIARY, (int) therapistId);
    }
}
