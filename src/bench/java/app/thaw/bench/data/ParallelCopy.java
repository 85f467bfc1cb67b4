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

    ParallelCopy(BenchContext bench, int connections) {
        this.bench = bench;
        this.copiers = java.util.concurrent.Executors.newFixedThreadPool(connections);
    }

    void send(Chunk chunk, Runnable afterwards) {
        sent.add(copiers.submit(() -> {
            long t = System.nanoTime();
            try (Connection connection = loadingConnection(bench)) {
                chunk.copyTo(connection);
            } finally {
                copyNanos.addAndGet(System.nanoTime() - t);
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
