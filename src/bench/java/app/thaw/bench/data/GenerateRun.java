package app.thaw.bench.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generator run in progress, kept in the bench database from its first row to its last step, so a killed run is
 * finished by the next start with the same settings and the same "now" (every chunk is one transaction and seeded on
 * its own, so the chunks already loaded are made again in memory only, for the diary's ledger, and not sent).
 */
record GenerateRun(int intakes, long appointments, int therapists, int rooms, int years, long seed, int chunkSize,
                   int perKind, Instant now) {

    private static final String TABLE = "bench_generate_run";

    static Optional<GenerateRun> find(JdbcTemplate jdbc) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, TABLE))) {
            return Optional.empty();
        }
        List<GenerateRun> runs = jdbc.query("select intakes, appointments, therapists, rooms, years, seed, chunk_size, "
                + "per_kind, now from " + TABLE, (rs, n) -> new GenerateRun(rs.getInt(1), rs.getLong(2), rs.getInt(3),
                rs.getInt(4), rs.getInt(5), rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getTimestamp(9).toInstant()));
        return runs.stream().findFirst();
    }

    void begin(JdbcTemplate jdbc) {
        jdbc.execute("create table " + TABLE + " (intakes int not null, appointments bigint not null, therapists int not "
                + "null, rooms int not null, years int not null, seed bigint not null, chunk_size int not null, "
                + "per_kind int not null, now timestamptz not null)");
        jdbc.update("insert into " + TABLE + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", intakes, appointments, therapists,
                rooms, years, seed, chunkSize, perKind, Timestamp.from(now));
    }

    static void finished(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists " + TABLE);
    }

    /** Whether a chunk starting at this id was loaded: chunks commit whole, so their first row tells. */
    static boolean loaded(JdbcTemplate jdbc, String table, long firstId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + table + " where id = ?)",
                Boolean.class, firstId));
    }
}
