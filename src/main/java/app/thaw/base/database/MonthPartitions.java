package app.thaw.base.database;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.PracticeTime;

/**
 * The monthly partitions of a table that grows without bound (the audit log, the answered measures; ADR 20): this
 * month's and the next {@link #MONTHS_AHEAD}, made ahead so a row never lands in the DEFAULT partition. The work is
 * the database's {@code ensure_month_partitions} (V175): idempotent, and serialised by an advisory lock, so every
 * instance may call it.
 */
public final class MonthPartitions {

    /** How many months after the current one are made ahead: a quarter covers a job that failed for weeks. */
    public static final int MONTHS_AHEAD = 3;

    private MonthPartitions() {
    }

    /** Makes the missing partitions from the practice's current month on; returns how many it made. */
    public static int ensure(JdbcTemplate jdbc, String table, Clock clock) {
        LocalDate month = LocalDate.ofInstant(clock.instant(), PracticeTime.ZONE).withDayOfMonth(1);
        Integer made = jdbc.queryForObject("select ensure_month_partitions(?, ?, ?)", Integer.class, table, month,
                MONTHS_AHEAD + 1);
        return Objects.requireNonNull(made, "the function returns a count");
    }
}
