package app.thaw.bench.data;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The queue's search terms (V160) are written by a trigger on intake, a dozen rows per intake into a table with four
 * secondary indexes, and written again when the review case's triggers set the intake's assignee and rank: at load
 * time that is most of the database's work. For a fresh load (bench data only) the trigger is switched off and those
 * indexes dropped; the generator then fills every intake's terms in one statement and builds the indexes once, sorted.
 * The dropped indexes' definitions are kept in a table of their own in the same transaction, so a run killed half-way
 * is finished by the next one ({@link #finish}), which puts the trigger back whatever happened. The fast path (session 9)
 * does the same for the bulk tables' plain indexes ({@link #BULK_TABLES}).
 */
final class DeferredSearchTerms {

    private static final String KEPT = "bench_deferred_index";

    private DeferredSearchTerms() {
    }

    /**
     * The bulk tables whose plain secondary indexes the fast path also builds after the load: not those behind a
     * constraint (keys, unique, exclusion) and not the couple index the one-couple-two-partners trigger looks up.
     */
    static final List<String> BULK_TABLES = List.of("intake", "couple_case", "review_case", "factor_suggestion",
            "case_note", "referral", "appointment", "care_event");

    /** Whether a run's deferred indexes still wait to be rebuilt. */
    static boolean pending(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, KEPT));
    }

    /**
     * Switches the search-term trigger off and drops intake_search's secondary indexes, and those of {@code tables}
     * (some of {@link #BULK_TABLES}), keeping their definitions.
     */
    static int begin(JdbcTemplate jdbc, List<String> tables) {
        finish(jdbc);
        jdbc.execute("create table " + KEPT + " (name text primary key, definition text not null)");
        int kept = jdbc.update("insert into " + KEPT + " (name, definition) select indexname, indexdef from pg_indexes "
                + "where schemaname = current_schema() and tablename = 'intake_search' and indexname <> 'intake_search_pk'");
        String bulk = tables.stream().filter(BULK_TABLES::contains).map(t -> "'" + t + "'")
                .collect(java.util.stream.Collectors.joining(", "));
        if (!bulk.isEmpty()) {
            kept += jdbc.update("insert into " + KEPT + " (name, definition) "
                    + "select c.relname, pg_get_indexdef(x.indexrelid) from pg_index x "
                    + "join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid "
                    + "join pg_namespace n on n.oid = t.relnamespace "
                    + "where n.nspname = current_schema() and t.relkind = 'r' and t.relname in (" + bulk + ") "
                    + "and not x.indisunique and c.relname <> 'intake_couple_case_ix' "
                    + "and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)");
        }
        for (String name : jdbc.queryForList("select name from " + KEPT, String.class)) {
            jdbc.execute("drop index " + name);
        }
        jdbc.execute("alter table intake disable trigger intake_search_sync");
        return kept;
    }

    static int finish(JdbcTemplate jdbc) {
        return finish(jdbc, 1);
    }

    /**
     * After a deferred load writes every intake's terms, rebuilds the kept indexes and switches the trigger back on;
     * otherwise fills only the terms of intakes that have none (what a stopped run left out). Returns the rows filled.
     * A deferred load's terms and indexes are made over {@code connections} connections at once.
     */
    static int finish(JdbcTemplate jdbc, int connections) {
        boolean deferred = pending(jdbc);
        String fill = """
                insert into intake_search (term, intake_id, in_hand, assignee_key, queue_rank, submitted_at)
                select term, i.id, intake_search_in_hand(i.status), coalesce(i.queue_assignee_id, 0), i.queue_rank,
                       i.submitted_at
                  from intake i
                 cross join lateral queue_search_terms(i.full_name, i.email) term""";
        int filled;
        long started = System.nanoTime();
        if (deferred) {
            // the trigger was off for the whole load: every intake's terms are written afresh, in one pass per
            // connection (a "not exists" against the table being filled would rescan it for every intake)
            jdbc.execute("truncate intake_search");
            // the terms come from the intakes themselves, so their foreign key holds by construction: where the user
            // may, it is not checked row by row (a dozen checks an intake)
            boolean replica = Boolean.TRUE.equals(jdbc.queryForObject(
                    "select rolsuper from pg_roles where rolname = current_user", Boolean.class));
            filled = inParallel(connections, java.util.stream.IntStream.range(0, connections)
                    .mapToObj(k -> (replica ? REPLICA : "") + fill + "\n where i.id % " + connections + " = " + k)
                    .toList(), jdbc)
                    .stream().mapToInt(Integer::intValue).sum();
        } else {
            filled = jdbc.update(fill + "\n where not exists (select 1 from intake_search s where s.intake_id = i.id)");
        }
        System.out.printf(java.util.Locale.ROOT, "  search terms: %,d in %.1f s%n", filled,
                (System.nanoTime() - started) / 1e9);
        if (deferred) {
            started = System.nanoTime();
            List<String> definitions = jdbc.queryForList("select definition from " + KEPT + " order by name",
                    String.class).stream()
                    .map(definition -> definition.replaceFirst("(?i)^create index ", "create index if not exists "))
                    .toList();
            inParallel(connections, definitions, jdbc);
            jdbc.execute("drop table " + KEPT);
            System.out.printf(java.util.Locale.ROOT, "  %d deferred indexes built in %.1f s%n", definitions.size(),
                    (System.nanoTime() - started) / 1e9);
        }
        jdbc.execute("alter table intake enable trigger intake_search_sync");
        return filled;
    }

    private static final String REPLICA = "-- as replica\n";

    /** One statement in a transaction of its own with row triggers (foreign key checks among them) off. */
    private static int asReplica(JdbcTemplate jdbc, String sql) {
        Integer rows = jdbc.execute((java.sql.Connection connection) -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local session_replication_role = replica");
                int n = statement.executeUpdate(sql);
                connection.commit();
                return n;
            } catch (java.sql.SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
        return rows == null ? 0 : rows;
    }

    /** Runs the statements over a few connections at once; returns each one's row count, in order. */
    private static List<Integer> inParallel(int connections, List<String> statements, JdbcTemplate jdbc) {
        return Parallel.map(connections, statements, sql -> sql.startsWith(REPLICA)
                ? asReplica(jdbc, sql.substring(REPLICA.length())) : jdbc.update(sql), "Rebuilding after the load");
    }
}
