package app.thaw;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts contenders for one thing at the same instant, as two people pressing at once would. */
public final class Races {

    private Races() {
    }

    /** Each contender's outcome, in the order given; the first failure is thrown. */
    @SafeVarargs
    public static <T> List<T> race(Callable<? extends T>... contenders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders.length);
        try {
            var ready = new CountDownLatch(1);
            List<Future<? extends T>> futures = new ArrayList<>();
            for (Callable<? extends T> contender : contenders) {
                futures.add(pool.submit(() -> {
                    ready.await();
                    return contender.call();
                }));
            }
            ready.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<? extends T> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
