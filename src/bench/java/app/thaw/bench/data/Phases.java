package app.thaw.bench.data;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import app.thaw.bench.service.CpuTime;

/**
 * The generator's phases with their wall time and the CPU seconds of the JVM and of PostgreSQL: on a shared machine
 * the CPU per 1,000 intakes holds when the wall time does not.
 */
final class Phases {

    private record Phase(double seconds, double jvm, double postgres) {
    }

    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private long started = System.nanoTime();
    private CpuTime cpu = CpuTime.withEnded();

    void start() {
        started = System.nanoTime();
        cpu = CpuTime.withEnded();
    }

    /** Ends the phase begun by the last {@link #start} (or the previous end) under this name. */
    double end(String name) {
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuTime now = CpuTime.withEnded();
        CpuTime used = now.since(cpu);
        // PostgreSQL is not running before the first phase (start and migrate) has started it
        double postgres = Double.isNaN(cpu.postgresSeconds()) ? now.postgresSeconds() : used.postgresSeconds();
        phases.merge(name, new Phase(seconds, used.jvmSeconds(), postgres),
                (a, b) -> new Phase(a.seconds + b.seconds, a.jvm + b.jvm, a.postgres + b.postgres));
        start();
        return seconds;
    }

    /** The phases as a table, and the work of all but the first phase (start and migrate) per 1,000 intakes. */
    String table(long intakes) {
        var text = new StringBuilder("| phase | seconds | JVM CPU s | PostgreSQL CPU s |\n|---|---:|---:|---:|\n");
        double seconds = 0;
        double jvm = 0;
        double postgres = 0;
        boolean first = true;
        for (var phase : phases.entrySet()) {
            Phase p = phase.getValue();
            text.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", phase.getKey(), p.seconds, p.jvm,
                    p.postgres));
            if (!first) {
                seconds += p.seconds;
                jvm += p.jvm;
                postgres += p.postgres;
            }
            first = false;
        }
        text.append(String.format(Locale.ROOT, "%nAll but start and migrate: %.0f s, **%,.0f intakes/s**; CPU per 1,000 "
                        + "intakes **%.2f s JVM + %.2f s PostgreSQL = %.2f s**.%n", seconds, intakes / seconds,
                1000 * jvm / intakes, 1000 * postgres / intakes, 1000 * (jvm + postgres) / intakes));
        return text.toString();
    }
}
