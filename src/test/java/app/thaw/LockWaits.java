package app.thaw;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two transactions made to meet in a chosen order: a connection of the test's own holds a lock the first of them
 * needs, the test waits until PostgreSQL shows the other waiting, then lets go. For races that must happen, not be
 * hoped for.
 */
public final class LockWaits {

    /** The key bookings into one therapist's diary take turns on (AppointmentInserts). */
    public static final int DIARY = 0x7468_6177;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public LockWaits(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A connection in a transaction of its own, holding {@code lockSql}'s locks until rolled back or closed. */
    public Connection holding(String lockSql) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute(lockSql);
        }
        return connection;
    }

    /** A connection holding this therapist's diary turn, as a booking does from its insert to its commit. */
    public Connection holdingDiary(long therapistId) throws SQLException {
        return holding("select pg_advisory_xact_lock(" + DIARY + ", " + therapistId + ")");
    }

    /** The work, on a platform thread of its own (no Vaadin session, no security context inherited). */
    public static <T> CompletableFuture<T> inOwnThread(Supplier<T> work) {
        var future = new CompletableFuture<T>();
        Thread.ofPlatform().start(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    /** Until another connection waits for a lock {@code blocker} holds. */
    public void awaitBlockedBy(Connection blocker, String what) throws SQLException, InterruptedException {
        awaitBlockedBy(blocker, 1, what);
    }

    /** Until {@code waiters} other connections wait behind {@code blocker} (queued in that order). */
    public void awaitBlockedBy(Connection blocker, int waiters, String what) throws SQLException, InterruptedException {
        int pid;
        try (var statement = blocker.createStatement(); var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        awaitWaiting(what, waiters, "? = any(pg_blocking_pids(pid))", pid);
    }

    /** Until a connection of this database waits for an advisory lock in a statement containing {@code text}. */
    public void awaitAdvisoryWait(String what, String text) throws InterruptedException {
        awaitWaiting(what, 1, "wait_event = 'advisory' and query ilike ?", "%" + text + "%");
    }

    /** Until a connection waits for the two-key advisory lock ({@code space}, {@code key}): which turn it queues for. */
    public void awaitAdvisoryWaitOn(int space, long key, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Long waiting = jdbc.queryForObject("""
                    select count(*) from pg_locks where locktype = 'advisory' and not granted and objsubid = 2
                       and classid::bigint = ? and objid::bigint = ?""", Long.class, space, key);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Not seen within 20 s: " + what);
    }

    private void awaitWaiting(String what, int waiters, String condition, Object argument)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Long waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and " + condition, Long.class, argument);
            if (waiting != null && waiting >= waiters) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Not seen within 20 s: " + what);
    }
}
