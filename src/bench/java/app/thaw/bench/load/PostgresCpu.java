package app.thaw.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * CPU seconds PostgreSQL has used on this machine (Linux /proc): the postmaster with every child process —
 * backends, checkpointer, WAL writer — alive or already ended (an ended child's time is in the postmaster's
 * "children" fields). NaN when the server is elsewhere or /proc cannot be read.
 */
public final class PostgresCpu {

    private static final double TICKS = 100.0;

    private final long postmaster;

    private PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** For a server this benchmark cannot see. */
    public static PostgresCpu none() {
        return new PostgresCpu(-1);
    }

    /** The server's postmaster is the parent of the backend serving a connection. */
    public static PostgresCpu of(BenchDatabase db) {
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             var rs = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            rs.next();
            return new PostgresCpu(Long.parseLong(stat(rs.getLong(1))[1]));
        } catch (SQLException | IOException | RuntimeException notLocal) {
            return new PostgresCpu(-1);
        }
    }

    public double seconds() {
        if (postmaster < 0) {
            return Double.NaN;
        }
        try {
            String[] own = stat(postmaster);
            double total = (Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
                    + Long.parseLong(own[14])) / TICKS;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] child = stat(Long.parseLong(dir.getFileName().toString()));
                        if (Long.parseLong(child[1]) == postmaster) {
                            total += (Long.parseLong(child[11]) + Long.parseLong(child[12])) / TICKS;
                        }
                    } catch (IOException ended) {
                        // the process ended while the list was read; its time is now the postmaster's
                    }
                }
            }
            return total;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** One process's CPU seconds (user + system), NaN when it cannot be read. */
    public static double processSeconds(long pid) {
        if (pid < 0) {
            return Double.NaN;
        }
        try {
            String[] f = stat(pid);
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    // /proc/PID/stat after the command name: state, ppid, ... utime (11), stime (12), cutime (13), cstime (14)
    private static String[] stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
