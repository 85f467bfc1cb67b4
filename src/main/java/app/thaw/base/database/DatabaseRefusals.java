package app.thaw.base.database;

import java.sql.SQLException;

/**
 * Which of the database's own rules refused a write, read from the driver's error wherever Spring or Hibernate
 * wrapped it: the services turn these into sentences, so a rule enforced by a constraint or trigger still explains
 * itself where the person is looking.
 */
public final class DatabaseRefusals {

    /** An exclusion constraint (the diary's overlaps). */
    public static final String EXCLUSION_VIOLATION = "23P01";
    /** A unique constraint or index (two rows that must not look the same). */
    public static final String UNIQUE_VIOLATION = "23505";
    /** A check constraint, or a trigger raising as one. */
    public static final String CHECK_VIOLATION = "23514";

    private DatabaseRefusals() {
    }

    /** Whether the refusal carries this SQLSTATE. */
    public static boolean hasState(Throwable refusal, String sqlState) {
        return refusedWith(refusal, sqlState, "");
    }

    /** Whether the refusal carries this SQLSTATE with these words (a trigger's message, which the driver reports). */
    public static boolean refusedWith(Throwable refusal, String sqlState, String words) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }
}
