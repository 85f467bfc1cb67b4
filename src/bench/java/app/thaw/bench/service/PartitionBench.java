package app.thaw.bench.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Stats;
import app.thaw.bench.data.GenerateCommand;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditFilter;
import app.thaw.audit.AuditLog;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.security.StaffUser;
import app.thaw.security.SystemActor;

/**
 * {@code -Dbench=partitions}: what the monthly partitions of the audit log and the outcome measures (ADR 20) change,
 * measured the same way before and after on the same data: audit and measure inserts per second through the real
 * {@link AuditLog} and {@link MeasureStore}, the audit viewer's queries (recent page, a deep page, by case, by actor,
 * one month), a case's timeline, and a case's measures. Adds {@code --measures} answered sets (six a course, spread
 * over the sessions of the generated diary) when fewer exist, then {@code --label} names the section it writes.
 */
public class PartitionBench implements BenchCommand {

    @Override
    public String name() {
        return "partitions";
    }

    @Override
    public String description() {
        return "audit and measure inserts/s and their reads, before/after partitioning [--label=after "
                + "--measures=600000 --audit=<10 a case> --seconds=10 --iterations=200]";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        String label = options.string("label", "after");
        int measures = options.integer("measures", 600_000);
        int iterations = options.integer("iterations", 200);
        int warmup = options.integer("warmup", 20);
        Duration seconds = Duration.ofSeconds(options.integer("seconds", 10));
        try (BenchContext bench = BenchContext.start()) {
            var jdbc = bench.jdbc();
            double generated = addMeasures(bench, measures);
            double auditAdded = addAudit(bench, options.integer("audit", 10 * intakes(bench)));
            jdbc.execute("analyze audit_entry");
            jdbc.execute("analyze measure_response");
            long auditRows = count(bench, "select count(*) from audit_entry");
            long measureRows = count(bench, "select count(*) from measure_response");
            String layout = jdbc.queryForObject("""
                    select case when c.relkind = 'p' then 'partitioned, ' || (select count(*) from pg_inherits
                                 where inhparent = c.oid) || ' partitions' else 'one table' end
                      from pg_class c where c.oid = 'audit_entry'::regclass""", String.class);
            var table = new StringBuilder(Stats.header());
            var lines = new ArrayList<String>();

            AuditLog audit = bench.bean(AuditLog.class);
            for (int threads : new int[] {1, 4}) {
                var run = Measure.sustained(threads, Duration.ofSeconds(2), seconds, thread -> {
                    SystemActor.run(() -> audit.recordAttempt(AuditAction.CASE_OPENED, null, null, "bench"));
                    return true;
                });
                lines.add(String.format(Locale.ROOT, "audit inserts through `AuditLog`, %d thread(s): **%,.0f/s**",
                        threads, run.perSecond()));
                table.append(run.latencies().stats("audit insert, " + threads + " thread(s) — service").row());
            }

            MeasureStore store = bench.bean(MeasureStore.class);
            var intakes = new java.util.concurrent.ConcurrentLinkedQueue<>(jdbc.queryForList("""
                    select i.id from intake i where not exists (select 1 from measure_response r
                                                                 where r.intake_id = i.id and r.source = 'INTAKE')
                     order by i.id desc limit 200000""", Long.class));
            var made = new AtomicLong();
            var measureRun = Measure.sustained(1, Duration.ofSeconds(2), seconds, thread -> {
                Long intake = intakes.poll();
                if (intake == null) {
                    return false;
                }
                made.addAndGet(store.saveResponse(intake, null, "INTAKE", Instant.now(), "phq9-v1,gad7-v1",
                        "{\"phq9.1\":[\"1\"]}", Map.of("phq9", 9, "gad7", 7), false).isPresent() ? 1 : 0);
                return true;
            });
            lines.add(String.format(Locale.ROOT, "measure inserts through `MeasureStore.saveResponse`: **%,.0f/s**",
                    measureRun.perSecond()));
            table.append(measureRun.latencies().stats("measure insert (intake's own set) — service").row());

            StaffUser admin = bench.staff(GenerateCommand.ADMIN);
            List<Map<String, Object>> cases = jdbc.queryForList("""
                    select intake_id, case_reference from audit_entry where intake_id is not null
                       and id > (select max(id) - 500000 from audit_entry) and case_reference is not null
                     order by random() limit 500""");
            List<Long> actors = jdbc.queryForList("select id from staff_account where role = 'THERAPIST'", Long.class);
            Long deep = jdbc.queryForObject("select max(id) - 200000 from audit_entry", Long.class);
            var zone = app.thaw.Application.PRACTICE_ZONE;
            var lastMonth = java.time.LocalDate.now(zone).minusMonths(1);
            // the viewer opens on the last three months (AuditFilter.recent); "all time" is the explicit tick box
            var opening = AuditFilter.recent(java.time.LocalDate.now(zone));
            Long deepInRange = jdbc.queryForObject("select max(id) - 50000 from audit_entry", Long.class);
            time(table, "audit viewer, recent page (50), all time — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(AuditFilter.everything(), null, 50)));
            time(table, "audit viewer, recent page (50), last 3 months (opening) — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(opening, null, 50)));
            time(table, "audit viewer, a deep page (200,000 back), all time — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(AuditFilter.everything(), deep, 50)));
            time(table, "audit viewer, a page 50,000 back, last 3 months — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(opening, deepInRange, 50)));
            time(table, "audit viewer, by case reference, all time — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(new AuditFilter(null,
                            pick(cases).get("case_reference").toString(), null, null, null), null, 50)));
            time(table, "audit viewer, by case reference, last 3 months — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(new AuditFilter(null,
                            pick(cases).get("case_reference").toString(), null, opening.from(), null), null, 50)));
            time(table, "audit viewer, by actor, all time — service", warmup, iterations, () -> BenchContext.as(admin,
                    () -> audit.search(new AuditFilter(pick(actors), null, null, null, null), null, 50)));
            time(table, "audit viewer, by actor, last 3 months — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(new AuditFilter(pick(actors), null, null,
                            opening.from(), null), null, 50)));
            time(table, "audit viewer, one month (a month ago) — service", warmup, iterations,
                    () -> BenchContext.as(admin, () -> audit.search(new AuditFilter(null, null, null,
                            lastMonth.withDayOfMonth(1), lastMonth.withDayOfMonth(lastMonth.lengthOfMonth())), null,
                            50)));
            time(table, "a case's timeline (audit by intake) — DB", warmup, iterations, () -> jdbc.query("""
                    select * from audit_entry where intake_id = ?
                       and action not in ('CASE_OPENED', 'LETTER_DOWNLOADED', 'CASE_ACCESS_DENIED')
                       and occurred_at >= coalesce((select submitted_at from intake where id = ?),
                                                   '-infinity'::timestamptz) - interval '1 day'
                     order by occurred_at, id""", (rs, n) -> rs.getLong("id"), timelineCase(cases)));
            List<Long> measured = jdbc.queryForList("select intake_id from measure_response r where r.source = "
                    + "'CLIENT' order by random() limit 500", Long.class);
            time(table, "a case's measures (`MeasureStore.responses`) — service", warmup, iterations,
                    () -> store.responses(List.of(pick(measured))));

            String body = String.format(Locale.ROOT, """
                    `--label=%s`: %,d audit entries (%s; topped up now in %.0f s), %,d answered measure sets (added now \
                    in %.0f s), %,d intakes. Inserts for %d s after 2 s of warm-up; each read %d times after %d.

                    """, label, auditRows, layout, auditAdded, measureRows, generated,
                    count(bench, "select count(*) from intake"), seconds.toSeconds(), iterations, warmup)
                    + String.join("; ", lines) + ".\n\n" + table;
            System.out.println(body);
            PerformanceDoc.write("partitions-" + label, options, Machine.describe(bench.postgresVersion()), body);
        }
    }

    /** The timeline's SQL as {@code AuditLog.caseHistory} runs it: bounded by the intake's submission (ADR 20). */
    private static Object[] timelineCase(List<Map<String, Object>> cases) {
        Object intake = pick(cases).get("intake_id");
        return new Object[] {intake, intake};
    }

    private static void time(StringBuilder table, String name, int warmup, int iterations, Measure.Work work)
            throws Exception {
        Stats stats = Measure.repeat(warmup, iterations, work).stats(name);
        System.out.println(stats.line());
        table.append(stats.row());
    }

    private static <T> T pick(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /**
     * Answered sets for the sessions of the generated diary, a request and a response each, answered two hours before
     * the session; once, so the runs before and after partitioning read the same rows.
     */
    private static double addMeasures(BenchContext bench, int wanted) {
        var jdbc = bench.jdbc();
        long existing = count(bench, "select count(*) from measure_response where source = 'CLIENT'");
        if (existing >= wanted) {
            return 0;
        }
        long t = System.nanoTime();
        jdbc.execute("analyze measure_request");
        // requests answered earlier whose answers are missing (an interrupted run): requests are made in id order
        jdbc.update("""
                insert into measure_response (intake_id, request_id, source, answered_at, versions, answers, phq9,
                                              gad7, feelings, risk)
                select r.intake_id, r.id, 'CLIENT', r.answered_at, 'phq9-v1,gad7-v1,feelings-v1',
                       '{"phq9.1":["1"],"gad7.1":["1"]}'::jsonb, (r.id % 28)::smallint, (r.id % 22)::smallint,
                       (r.id % 16)::smallint, false
                  from measure_request r
                 where r.answered_at is not null
                   and r.id > (select coalesce(max(request_id), 0) from measure_response)""");
        long more = wanted - count(bench, "select count(*) from measure_response where source = 'CLIENT'");
        if (more > 0) {
            jdbc.update("""
                    with made as (
                        insert into measure_request (intake_id, appointment_id, measures, session_starts, created_at,
                                                     expires_at, answered_at)
                        select a.intake_id, a.id, 'PHQ9,GAD7,FEELINGS', a.starts_at, a.starts_at - interval '1 day',
                               a.ends_at, a.starts_at - interval '2 hours'
                          from appointment a
                         where a.starts_at < now() and a.state <> 'CANCELLED'
                           and not exists (select 1 from measure_request r where r.appointment_id = a.id)
                         order by a.id limit ?
                        returning id, intake_id, answered_at)
                    insert into measure_response (intake_id, request_id, source, answered_at, versions, answers, phq9,
                                                  gad7, feelings, risk)
                    select intake_id, id, 'CLIENT', answered_at, 'phq9-v1,gad7-v1,feelings-v1',
                           '{"phq9.1":["1"],"gad7.1":["1"]}'::jsonb, (id % 28)::smallint, (id % 22)::smallint,
                           (id % 16)::smallint, false
                      from made""", more);
        }
        jdbc.execute("vacuum analyze measure_response");
        jdbc.execute("vacuum analyze measure_request");
        return (System.nanoTime() - t) / 1e9;
    }

    private static int intakes(BenchContext bench) {
        return (int) count(bench, "select count(*) from intake");
    }

    /**
     * Audit lines up to {@code wanted} (about 10 a case: opened, reviewed, booked, moved, measured...), spread over the
     * cases and staff of the generated data and the last two years, as the log of a practice that has run that long.
     */
    private static double addAudit(BenchContext bench, int wanted) {
        long missing = wanted - count(bench, "select count(*) from audit_entry");
        if (missing <= 0) {
            return 0;
        }
        long t = System.nanoTime();
        bench.jdbc().update("""
                with i as (select array_agg(id order by id) as ids from intake),
                     s as (select array_agg(id order by id) as ids, array_agg(display_name order by id) as names
                             from staff_account where role <> 'ADMIN'),
                     g as (select n, i.ids[1 + ((n::bigint * 7919) % cardinality(i.ids))::int] as intake_id,
                                  s.ids[1 + n % cardinality(s.ids)] as actor_id,
                                  s.names[1 + n % cardinality(s.names)] as actor_name
                             from generate_series(1, ?) n, i, s)
                insert into audit_entry (occurred_at, actor_id, actor_name, action, intake_id, case_reference, detail)
                select now() - interval '730 days' * (1 - g.n::float8 / ?), g.actor_id, g.actor_name,
                       (array['CASE_OPENED', 'SESSION_BOOKED', 'NOTE_ADDED', 'STATUS_CHANGED'])[1 + g.n % 4],
                       g.intake_id, x.reference, 'bench'
                  from g join intake x on x.id = g.intake_id
                 order by g.n""", missing, missing);
        bench.jdbc().execute("vacuum analyze audit_entry");
        return (System.nanoTime() - t) / 1e9;
    }

    private static long count(BenchContext bench, String sql) {
        Long n = bench.jdbc().queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
