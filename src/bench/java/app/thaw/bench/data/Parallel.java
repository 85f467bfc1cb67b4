package app.thaw.bench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** Work after the load that splits into independent statements runs over a few connections at once (two cores). */
final class Parallel {

    private Parallel() {
    }

    /** Applies {@code work} to each item on {@code threads} threads; returns the results in the items' order. */
    static <T, R> List<R> map(int threads, List<T> items, Function<T, R> work, String what) {
        var pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            var futures = items.stream().map(item -> pool.submit(() -> work.apply(item))).toList();
            List<R> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
