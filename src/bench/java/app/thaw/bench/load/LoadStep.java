package app.thaw.bench.load;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One measured stretch of the open model: actions arrive at a constant rate whatever the answers' speed, each for
 * the next therapist in turn, on that therapist's own lane (a tab does one thing at a time). A round trip is timed
 * from the action's scheduled arrival, so waiting behind a slow earlier action counts (no coordinated omission).
 */
final class LoadStep {

    record Sample(String action, double millis, double serviceMillis) {
    }

    /** What a step measured; CPU figures are seconds over {@code wall}, NaN where they could not be read. */
    record Result(double rate, List<Sample> samples, Map<String, AtomicInteger> errors, double wall,
                  double generatorCpu, List<Double> appCpu, double postgresCpu, int late, double load) {

        int errorCount() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        double throughput() {
            return samples.size() / wall;
        }

        Figures fromArrival() {
            return Figures.of("all actions, from arrival (ms)", "ms", samples.stream().map(Sample::millis).toList());
        }

        /** Percent of one core over the measured stretch. */
        static double percent(double seconds, double wall) {
            return 100 * seconds / wall;
        }
    }

    private LoadStep() {
    }

    static Result run(List<TherapistTab> tabs, double rate, int warmupSeconds, int seconds, List<AppProcess> apps,
                      PostgresCpu postgres) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int therapists = tabs.size();
        List<ExecutorService> lanes = new ArrayList<>();
        for (int i = 0; i < therapists; i++) {
            lanes.add(Executors.newSingleThreadExecutor(Thread.ofVirtual().factory()));
        }
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        double cpu0 = Double.NaN;
        double postgres0 = Double.NaN;
        List<Double> app0 = new ArrayList<>();
        double load = Double.NaN;
        boolean measuring = false;
        int late = 0;
        for (long tick = 0; ; tick++) {
            long due = start + tick * period;
            if (due >= end) {
                break;
            }
            if (!measuring && due >= measureFrom) {
                measuring = true;
                load = os.getSystemLoadAverage();
                cpu0 = os.getProcessCpuTime() / 1e9;
                postgres0 = postgres.seconds();
                for (var app : apps) {
                    app0.add(cpu(app));
                }
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > period) {
                late++;
            }
            TherapistTab tab = tabs.get((int) (tick % therapists));
            boolean record = measuring;
            lanes.get((int) (tick % therapists)).submit(() -> {
                long began = System.nanoTime();
                try {
                    String action = tab.next();
                    long done = System.nanoTime();
                    if (record) {
                        samples.add(new Sample(action, (done - due) / 1e6, (done - began) / 1e6));
                    }
                } catch (Exception e) {
                    errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(),
                            k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        lanes.forEach(ExecutorService::shutdown);
        for (var lane : lanes) {
            lane.awaitTermination(2, TimeUnit.MINUTES);
        }
        double wall = (System.nanoTime() - measureFrom) / 1e9;
        List<Double> appCpu = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            appCpu.add(cpu(apps.get(i)) - app0.get(i));
        }
        return new Result(rate, List.copyOf(samples), errors, wall, os.getProcessCpuTime() / 1e9 - cpu0, appCpu,
                postgres.seconds() - postgres0, late, load);
    }

    private static double cpu(AppProcess app) {
        return PostgresCpu.processSeconds(app.pid());
    }
}
