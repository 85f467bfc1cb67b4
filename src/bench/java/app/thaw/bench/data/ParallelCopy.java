package app.thaw.bench.data;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.thaw.bench.BenchContext;

/**
 * Sends chunks over a few connections at once, each chunk in one transaction; chunks never refer to each other,
 * so they load in any order while the next ones are generated.
 */
final class ParallelCopy {
    private final java.util.concurrent.ExecutorService copiers;
    private final List<java.util.concurrent.Future<?>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    private final BenchContext bench;
    /** Nanoseconds spent in COPY, summed over connections: where the time goes. */
    private final java.util.concurrent.atomic.AtomicLong copyNanos = new java.util.concurrent.atomic.AtomicLong();

    /** Whether each chunk's transaction runs with triggers off (foreign keys and the queue's triggers): see below. */
    private final boolean triggersOff;

    /**
     * Chunks generated but not yet copied, at most two a connection: the planner makes sessions faster than COPY takes
     * them with their measures, and an unbounded queue ran the 4 M load out of heap.
     */
    private final java.util.concurrent.Semaphore inFlight;

    /**
     * With {@code triggersOff} (the fast path, when the database user may) each chunk loads as a replica would, without
     * row triggers: the rows carry what the queue's triggers would have set, the diary's claims are written after the
     * load ({@link SessionLoad#claimDiary}) and every foreign key is checked once, set-wise ({@link ForeignKeys}).
     * Keys, unique and exclusion constraints and checks still hold row by row.
     */
    ParallelCopy(BenchContext bench, int connections, boolean triggersOff) {
        this.bench = bench;
        this.triggersOff = triggersOff;
        this.copiers = java.util.concurrent.Executors.newFixedThreadPool(connections);
        this.inFlight = new java.util.concurrent.Semaphore(2 * connections);
    }

    void send(Chunk chunk, Runnable afterwards) {
        inFlight.acquireUninterruptibly();
        sent.add(copiers.submit(() -> {
            long t = System.nanoTime();
            try (Connection connection = loadingConnection(bench)) {
                if (triggersOff) {
                    try (var statement = connection.createStatement()) {
                        // for this transaction only: the pooled connection gets its triggers back at commit
                        statement.execute("set local session_replication_role = replica");
                    }
                }
                chunk.copyTo(connection);
            } finally {
                copyNanos.addAndGet(System.nanoTime() - t);
                inFlight.release();
                afterwards.run();
            }
            return null;
        }));
    }

    void finish() throws Exception {
        synchronized (sent) {
            for (var future : sent) {
                future.get();
            }
        }
        copiers.shutdown();
    }

    String report() {
        return String.format(Locale.ROOT, "COPY busy %.0f s (summed over connections)", copyNanos.get() / 1e9);
    }

    /** Whether the database user may switch triggers off for a transaction (the embedded server's superuser may). */
    static boolean mayLoadAsReplica(BenchContext bench) {
        return Boolean.TRUE.equals(bench.jdbc().queryForObject(
                "select rolsuper from pg_roles where rolname = current_user", Boolean.class));
    }

    private static Connection loadingConnection(BenchContext bench) throws java.sql.SQLException {
        Connection connection = bench.dataSource().getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("set synchronous_commit = off");
        }
        connection.commit();
        return connection;
    }
}
