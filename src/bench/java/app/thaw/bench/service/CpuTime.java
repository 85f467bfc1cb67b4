package app.thaw.bench.service;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import app.thaw.bench.BenchContext;

/**
 * CPU seconds used by this JVM and by the embedded PostgreSQL (postmaster and its backends), so a benchmark can
 * report CPU per operation: on a shared machine that figure holds when throughput and latency do not.
 */
public record CpuTime(double jvmSeconds, double postgresSeconds) {

    public static CpuTime now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTime(os.getProcessCpuTime() / 1e9, postgres(false));
    }

    /** As {@link #now}, with the CPU of PostgreSQL processes that have ended (autovacuum workers, closed backends). */
    public static CpuTime withEnded() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTime(os.getProcessCpuTime() / 1e9, postgres(true));
    }

    public CpuTime since(CpuTime earlier) {
        return new CpuTime(jvmSeconds - earlier.jvmSeconds, postgresSeconds - earlier.postgresSeconds);
    }

    /** NaN when the database is not the embedded one (or /proc is missing). */
    private static double postgres(boolean ended) {
        try {
            Path pidFile = BenchContext.DATA_DIR.resolve("postmaster.pid");
            if (!BenchContext.embedded() || !Files.exists(pidFile)) {
                return Double.NaN;
            }
            String postmaster = Files.readAllLines(pidFile).getFirst().strip();
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // after the command: state ppid … utime (14th field overall) stime (15th)
                        if (proc.getFileName().toString().equals(postmaster) || f[1].equals(postmaster)) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                        // the postmaster's cutime and cstime: its children that have ended and been waited for
                        if (ended && proc.getFileName().toString().equals(postmaster)) {
                            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // a backend that ended meanwhile
                    }
                }
            }
            return ticks / 100.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
