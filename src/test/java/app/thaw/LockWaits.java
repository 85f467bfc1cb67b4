package app.thaw;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two transactions made to meet in a chosen order: a connection of the test's own holds a lock the first of them
 * needs, the test waits until PostgreSQL shows the other waiting, then lets go. For races that must happen, not be
 * hoped for.
 */
public final class LockWaits {

    /** The key bookings into one therapist's diary take turns on (AppointmentInserts). */
    public static final int DIARY = app.thaw.base.database.Turns.DIARY;
    /** The key cases and reviews given to one therapist take turns on (V183, V185). */
    public static final int CASELOAD = app.thaw.base.database.Turns.CASELOAD;

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
        return holding(turn(DIARY, therapistId));
    }

    /** The statement that takes a therapist's turn in this key space alone, as a transaction of the test's own. */
    public static String turn(int space, long therapistId) {
        return "select pg_advisory_xact_lock(" + space + ", " + therapistId + ")";
    }

    /** Two pieces of work, each on its own thread, and what became of each. */
    public record Both<A, B>(CompletableFuture<A> a, CompletableFuture<B> b) {
    }

    /**
     * Starts {@code a} and {@code b} on threads of their own, each only once the one before waits for the lock a
     * connection of the test's own takes with {@code lockSql}, in the order asked; then lets the lock go.
     */
    public <A, B> Both<A, B> queueBehind(String lockSql, boolean aFirst, String aName, Supplier<A> a, String bName,
                                         Supplier<B> b) throws SQLException, InterruptedException {
        try (Connection blocker = holding(lockSql)) {
            CompletableFuture<A> first;
            CompletableFuture<B> second;
            if (aFirst) {
                first = inOwnThread(a);
                awaitBlockedBy(blocker, 1, aName + " waits first");
                second = inOwnThread(b);
            } else {
                second = inOwnThread(b);
                awaitBlockedBy(blocker, 1, bName + " waits first");
                first = inOwnThread(a);
            }
            awaitBlockedBy(blocker, 2, aName + " and " + bName + " both wait");
            blocker.rollback();
            return new Both<>(first, second);
        }
    }

    /** What the work threw, or null when it finished (within 30 s). */
    public static @Nullable Throwable failureOf(CompletableFuture<?> work) throws Exception {
        try {
            work.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
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
