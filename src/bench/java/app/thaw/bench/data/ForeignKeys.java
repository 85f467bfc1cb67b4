package app.thaw.bench.data;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a load with triggers off, every foreign key of the bulk tables (of one column or several, as an answered
 * measure's to its request) is checked once, as one anti-join each, instead of row by row, and so is what the queue's
 * triggers would have written: a generator bug fails the run here rather than leaving dangling rows or a misordered
 * queue.
 */
final class ForeignKeys {

    private ForeignKeys() {
    }

    /** Returns the foreign keys checked; throws naming the first that a row breaks. */
    static int check(JdbcTemplate jdbc, List<String> tables, int workers) {
        String in = String.join(", ", tables.stream().map(t -> "'" + t + "'").toList());
        // a key's columns in order, paired with the parent's; the partitions' copies of a key are left to their parent
        var keys = jdbc.queryForList("""
                select k.conname, c.relname, p.relname as parent,
                       string_agg(format('x.%I is not null', a.attname), ' and ' order by col.n) as present,
                       string_agg(format('p.%I = x.%I', pa.attname, a.attname), ' and ' order by col.n) as matches
                  from pg_constraint k
                  join pg_class c on c.oid = k.conrelid
                  join pg_namespace n on n.oid = c.relnamespace
                  join pg_class p on p.oid = k.confrelid
                  cross join lateral unnest(k.conkey, k.confkey) with ordinality as col (child, parent, n)
                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = col.child
                  join pg_attribute pa on pa.attrelid = k.confrelid and pa.attnum = col.parent
                 where k.contype = 'f' and k.conparentid = 0 and n.nspname = current_schema()
                   and c.relname in (""" + in + """
                )
                 group by k.conname, c.relname, p.relname order by 1""");
        // independent anti-joins: a few at once (MATCH SIMPLE: a row with any key column null refers to nothing)
        List<Long> broken = Parallel.map(workers, keys, key -> jdbc.queryForObject("select count(*) from "
                + key.get("relname") + " x where " + key.get("present") + " and not exists (select 1 from "
                + key.get("parent") + " p where " + key.get("matches") + ")", Long.class), "Checking the foreign keys");
        for (int i = 0; i < keys.size(); i++) {
            if (broken.get(i) != null && broken.get(i) > 0) {
                throw new IllegalStateException(broken.get(i) + " rows break the foreign key "
                        + keys.get(i).get("conname"));
            }
        }
        return keys.size();
    }

    /**
     * What the queue's triggers would have set, checked once after a load without them: each intake's copy of its
     * assignee and its rank (V15, V17, V70). Throws if any intake differs.
     */
    static void checkQueueCopies(JdbcTemplate jdbc) {
        Long wrong = jdbc.queryForObject("""
                select count(*) from intake i join review_case rc on rc.intake_id = i.id
                 where i.queue_assignee_id is distinct from rc.assigned_therapist_id
                    or i.queue_rank <> case when exists (select 1 from measure_alert ma
                                                          where ma.intake_id = i.id and ma.acknowledged_at is null) then 0
                                            when not i.urgent then 2
                                            when rc.risk_acknowledged_at is not null then 1 else 0 end""", Long.class);
        if (wrong != null && wrong > 0) {
            throw new IllegalStateException(wrong + " intakes' queue assignee or rank differ from their triggers'");
        }
    }
}
