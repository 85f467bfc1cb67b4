package app.thaw.bench.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import app.thaw.bench.Samples;

/** Timing loops shared by the service benchmarks. */
final class Measure {

    interface Work {
        void run() throws Exception;
    }

    interface Step {
        /** One operation; returns true if it counts as done (e.g. booked, submitted). */
        boolean run(int thread) throws Exception;
    }

    private Measure() {
    }

    /** Runs the work {@code warmup} times untimed, then {@code iterations} times timed, one after another. */
    static Samples repeat(int warmup, int iterations, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        var samples = new Samples();
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            work.run();
            samples.add(System.nanoTime() - t);
        }
        return samples;
    }

    /** Result of a sustained run: per-operation latencies and operations done per second. */
    record Sustained(Samples latencies, long done, long failed, double seconds) {
        double perSecond() {
            return done / seconds;
        }
    }

    /** {@code threads} threads repeat the step for warm-up plus measured time; only the measured part counts. */
    static Sustained sustained(int threads, Duration warmup, Duration measured, Step step) throws Exception {
        var samples = new Samples();
        var done = new AtomicLong();
        var failed = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Exception> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                try {
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= end) {
                            return;
                        }
                        boolean ok = step.run(thread);
                        long after = System.nanoTime();
                        if (before >= measureFrom && after <= end) {
                            samples.add(after - before);
                            (ok ? done : failed).incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!errors.isEmpty()) {
            throw errors.getFirst();
        }
        return new Sustained(samples, done.get(), failed.get(), measured.toNanos() / 1e9);
    }
}
