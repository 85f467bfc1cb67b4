package app.thaw.bench.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --pgss}: where PostgreSQL's share of an operation goes, statement by statement, from
 * {@code pg_stat_statements} (planning and execution time, rows, buffers). The module must be preloaded, which needs
 * a restart: the first run with the flag asks for it with {@code ALTER SYSTEM} and says so; the next one reports.
 */
final class PgStatements {

    private final JdbcTemplate jdbc;

    private PgStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Null (after asking for the preload) when the module is not loaded yet. */
    static PgStatements start(JdbcTemplate jdbc) {
        String preload = jdbc.queryForObject("show shared_preload_libraries", String.class);
        if (preload == null || !preload.contains("pg_stat_statements")) {
            jdbc.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            jdbc.execute("alter system set pg_stat_statements.track_planning = on");
            System.out.println("--pgss: pg_stat_statements asked for at the next start; run the bench again");
            return null;
        }
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("select pg_stat_statements_reset()");
        return new PgStatements(jdbc);
    }

    /** A Markdown table of the statements run since {@link #start}, per operation, most expensive first. */
    String summarise(int operations, int top) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select calls, total_plan_time + total_exec_time as total_ms, total_plan_time as plan_ms, rows,
                       shared_blks_hit + shared_blks_read as blocks, shared_blks_read as read, wal_records,
                       regexp_replace(query, '\\s+', ' ', 'g') as query
                  from pg_stat_statements where query not like '%pg_stat_statements%'
                 order by total_plan_time + total_exec_time desc limit ?""", top);
        double all = jdbc.queryForObject("""
                select coalesce(sum(total_plan_time + total_exec_time), 0) from pg_stat_statements
                 where query not like '%pg_stat_statements%'""", Double.class);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "pg_stat_statements (`--pgss`): %.2f ms of planning and execution per operation in all%n%n"
                        + "| ms per op | calls per op | plan ms per op | blocks per call | read per call | WAL records "
                        + "per call | statement |%n|---:|---:|---:|---:|---:|---:|---|%n", all / operations));
        for (Map<String, Object> row : rows) {
            long calls = ((Number) row.get("calls")).longValue();
            String query = (String) row.get("query");
            text.append(String.format(Locale.ROOT, "| %.3f | %.2f | %.3f | %.1f | %.2f | %.1f | `%s` |%n",
                    ((Number) row.get("total_ms")).doubleValue() / operations, (double) calls / operations,
                    ((Number) row.get("plan_ms")).doubleValue() / operations,
                    ((Number) row.get("blocks")).doubleValue() / calls, ((Number) row.get("read")).doubleValue() / calls,
                    ((Number) row.get("wal_records")).doubleValue() / calls,
                    query.length() > 110 ? query.substring(0, 107) + "…" : query));
        }
        return text.toString();
    }
}
