package app.thaw.bench.data;

import java.io.IOException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded bench server's settings while it is loaded, and back after. A fresh load that fails is generated
 * again, so it need not survive a crash: no full-page images after each checkpoint (half the WAL of a 1 M load was
 * full-page images), no fsync, and checkpoints only when 16 GB of WAL have been written. Afterwards the durable
 * settings return, a checkpoint writes everything out and the operating system flushes it to disk. A killed
 * generator (or server) still resumes: only a crash of the machine itself could tear a page.
 */
final class LoadSettings {

    private LoadSettings() {
    }

    static void forLoad(JdbcTemplate jdbc) {
        jdbc.execute("alter system set max_wal_size = '16GB'");
        jdbc.execute("alter system set checkpoint_timeout = '1h'");
        jdbc.execute("alter system set full_page_writes = off");
        jdbc.execute("alter system set fsync = off");
        // the deferred indexes are built once after the load: sorting them in memory is faster
        jdbc.execute("alter system set maintenance_work_mem = '512MB'");
        jdbc.execute("select pg_reload_conf()");
    }

    /** The benchmarks that follow run on the server's usual, durable settings. */
    static void durable(JdbcTemplate jdbc) throws IOException, InterruptedException {
        jdbc.execute("alter system set max_wal_size = '4GB'");
        jdbc.execute("alter system reset checkpoint_timeout");
        jdbc.execute("alter system reset full_page_writes");
        jdbc.execute("alter system reset fsync");
        jdbc.execute("select pg_reload_conf()");
        jdbc.execute("checkpoint");
        int flushed = new ProcessBuilder("sync").inheritIO().start().waitFor();
        if (flushed != 0) {
            throw new IOException("sync ended with " + flushed + ": the bench data may not be on disk yet");
        }
    }
}
