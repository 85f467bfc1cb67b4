package app.thaw.bench.service;

import java.time.LocalDate;

import app.thaw.Application;
import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Stats;
import app.thaw.outcomes.MeasureLinks;
import app.thaw.outcomes.OutcomesReport;
import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.security.StaffUser;
import app.thaw.security.SystemActor;

/**
 * {@code -Dbench=outcomes}: the practice's outcomes report over a million ended courses of therapy, through the real
 * {@link OutcomesReport} as a clinical lead, and the day's measure links for ten thousand sessions through the real
 * {@link MeasureLinks}. Needs the generated data (intakes, therapists); adds its courses, sessions and accounts.
 */
public class OutcomesBench implements BenchCommand {

    @Override
    public String name() {
        return "outcomes";
    }

    @Override
    public String description() {
        return "outcomes report p95 and the day's measure links [--episodes=1000000 --sessions=10000 --iterations=200"
                + " --therapists=0 (0: the generated therapists; N: the courses spread over N bench therapists)]";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int episodes = options.integer("episodes", 1_000_000);
        int sessions = options.integer("sessions", 10_000);
        int iterations = options.integer("iterations", 200);
        int warmup = options.integer("warmup", 20);
        int therapists = options.integer("therapists", 0);
        try (BenchContext bench = BenchContext.start()) {
            var jdbc = bench.jdbc();
            long existing = jdbc.queryForObject("select count(*) from outcome_episode", Long.class);
            double generated = 0;
            double rebuilt = 0;
            if (existing < episodes) {
                long t = System.nanoTime();
                generateEpisodes(bench, episodes - (int) existing);
                generated = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                bench.bean(EpisodeStore.class).rebuildSummary();
                jdbc.execute("vacuum analyze outcome_episode");
                jdbc.execute("vacuum analyze outcome_summary");
                rebuilt = (System.nanoTime() - t) / 1e9;
            }
            long t0 = System.nanoTime();
            if (spreadOver(bench, therapists)) {
                rebuilt = (System.nanoTime() - t0) / 1e9;
            }
            long total = jdbc.queryForObject("select count(*) from outcome_episode where ended_at is not null",
                    Long.class);
            long therapistCount = jdbc.queryForObject(
                    "select count(distinct therapist_id) from outcome_summary", Long.class);
            long summaryRows = jdbc.queryForObject("select count(*) from outcome_summary", Long.class);
            long waitRows = jdbc.queryForObject("select count(*) from outcome_wait", Long.class);
            StaffUser lead = clinicalLead(bench);
            OutcomesReport report = bench.bean(OutcomesReport.class);
            LocalDate to = LocalDate.now(Application.PRACTICE_ZONE).withDayOfMonth(1);
            var table = new StringBuilder(Stats.header());
            for (var scenario : new Object[][] {{OutcomesReport.Period.MONTH, 12}, {OutcomesReport.Period.QUARTER, 36},
                    {OutcomesReport.Period.YEAR, 36}}) {
                var period = (OutcomesReport.Period) scenario[0];
                int months = (Integer) scenario[1];
                var samples = Measure.repeat(warmup, iterations, () -> BenchContext.as(lead,
                        () -> report.report(period, to.minusMonths(months - 1L), to)));
                Stats stats = samples.stats("report by " + period.label().toLowerCase(java.util.Locale.UK)
                        + ", last " + months + " months — service");
                System.out.println(stats.line());
                table.append(stats.row());
            }
            var csv = Measure.repeat(Math.min(5, warmup), Math.max(10, iterations / 2), () -> BenchContext.as(lead,
                    () -> report.csv(OutcomesReport.Period.MONTH, to.minusMonths(35), to)));
            Stats csvStats = csv.stats("CSV, by month, last 36 months — service");
            System.out.println(csvStats.line());
            table.append(csvStats.row());

            prepareSessions(bench, sessions);
            long t = System.nanoTime();
            MeasureLinks.Sent sent = SystemActor.call(() -> bench.bean(MeasureLinks.class).sendDue());
            double linkSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("measure links: %d requests, %d emails in %.1f s%n", sent.requests(), sent.emails(),
                    linkSeconds);
            cleanUpSessions(bench);

            String body = "Goals: outcomes report p95 ≤ 200 ms over 1 M finished courses; the day's measure links for "
                    + "10,000 sessions ≤ 60 s.\n\n" + String.format(java.util.Locale.ROOT,
                    "%,d ended courses in `outcome_episode` (%,d generated now in %.0f s; summary rebuilt in %.0f s); "
                            + "%,d therapists (%s); %,d rows in `outcome_summary`, %,d in `outcome_wait`; %,d intakes."
                            + "%n%n", total, Math.max(0, episodes - existing), generated, rebuilt, therapistCount,
                            therapists == 0 ? "the generated data's" : "`--therapists`: bench accounts",
                            summaryRows, waitRows,
                    jdbc.queryForObject("select count(*) from intake", Long.class))
                    + table + String.format(java.util.Locale.ROOT, "%nThe day's measure links: **%.1f s** for %,d "
                    + "sessions starting within the next 24 hours (%,d requests created, %,d emails queued, through "
                    + "`MeasureLinks.sendDue` as the job runs it).%n", linkSeconds, sessions, sent.requests(),
                    sent.emails());
            // each data shape keeps its own section of docs/performance.md
            PerformanceDoc.write(therapists > 0 ? "outcomes-therapists" : "outcomes", options, Machine.describe(bench.postgresVersion()), body);
        }
    }

    /** Ended courses spread over three years, every therapist and both services, with first and last scores. */
    private static void generateEpisodes(BenchContext bench, int count) {
        bench.jdbc().update("""
                with i as (select array_agg(id order by id) as ids from intake),
                     t as (select array_agg(id order by id) as ids from staff_account
                            where role = 'THERAPIST' and username not like 'outcomes-%'),
                     g as (select n, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
                                  random() as r6
                             from generate_series(1, ?) n),
                     e as (select n, i.ids[(1 + (n::bigint * 7919) % cardinality(i.ids))::int] as intake_id,
                                  t.ids[1 + n % cardinality(t.ids)] as therapist_id,
                                  case when r1 < 0.3 then 'COUPLES' else 'INDIVIDUAL' end as service_type,
                                  now() - (interval '1 day' * floor(r2 * 1095)) - interval '200 days' as referred_at,
                                  floor(r3 * 120)::int as wait, 14 + floor(r4 * 170)::int as length,
                                  floor(r5 * 28)::int as phq9, floor(r6 * 22)::int as gad7, r1, r4, r5, r6
                             from g, i, t)
                insert into outcome_episode (intake_id, service_type, therapist_id, referred_at, started_at, ended_at,
                    outcome, finished, first_phq9, first_gad7, last_phq9, last_gad7, paired_sets)
                select intake_id, service_type, therapist_id, referred_at, referred_at + interval '1 day' * wait,
                       referred_at + interval '1 day' * (wait + length),
                       case when r4 < 0.8 then 'COMPLETED' when r4 < 0.93 then 'DROPPED_OUT' else 'REFERRED_ON' end,
                       r4 < 0.85, phq9, gad7,
                       greatest(0, least(27, phq9 - floor(r6 * 14)::int + 3)),
                       greatest(0, least(21, gad7 - floor(r5 * 11)::int + 2)),
                       case when r1 > 0.1 then 1 + floor(r5 * 9)::int else 1 end
                  from e""", count);
    }

    /**
     * The data's shape: {@code 0} spreads the courses over the generated therapists (a few per thousand intakes), N over
     * N bench therapists (a practice with many, so thousands of summary rows). Reassigns and rebuilds the summary only
     * when the courses are spread otherwise; returns whether it did.
     */
    private static boolean spreadOver(BenchContext bench, int therapists) {
        var jdbc = bench.jdbc();
        if (therapists > 0) {
            jdbc.update("""
                    insert into staff_account (username, display_name, email, password_hash, role, active, created_at)
                    select 'outcomes-therapist-' || n, 'Outcomes Therapist ' || n,
                           'outcomes-therapist-' || n || '@thaw.example', '{noop}unused', 'THERAPIST', false, now()
                      from generate_series(1, ?) n
                     where not exists (select 1 from staff_account where username = 'outcomes-therapist-' || n)""",
                    therapists);
        }
        String wanted = therapists > 0
                ? "select id from staff_account where username ~ '^outcomes-therapist-[0-9]+$' "
                        + "and substring(username from 20)::int <= " + therapists
                : "select id from staff_account where role = 'THERAPIST' and username not like 'outcomes-%'";
        boolean same = Boolean.TRUE.equals(jdbc.queryForObject("select (select array_agg(distinct therapist_id "
                + "order by therapist_id) from outcome_summary) = (select array_agg(id order by id) from (" + wanted
                + ") w)", Boolean.class));
        if (same) {
            return false;
        }
        System.out.println("spreading the ended courses over " + (therapists == 0 ? "the generated therapists"
                : therapists + " bench therapists") + " and rebuilding the summary");
        jdbc.update("with t as (select array_agg(id order by id) as ids from (" + wanted + ") w) "
                + "update outcome_episode e set therapist_id = t.ids[1 + (e.id % cardinality(t.ids))::int] from t "
                + "where e.ended_at is not null");
        jdbc.execute("vacuum analyze outcome_episode");
        bench.bean(EpisodeStore.class).rebuildSummary();
        jdbc.execute("vacuum analyze outcome_summary");
        jdbc.execute("vacuum analyze outcome_wait");
        return true;
    }

    private static StaffUser clinicalLead(BenchContext bench) {
        bench.jdbc().update("""
                insert into staff_account (username, display_name, email, password_hash, role, active, created_at)
                select 'outcomes-lead', 'Outcomes Lead', 'outcomes-lead@thaw.example', '{noop}unused', 'CLINICAL_LEAD',
                       true, now()
                 where not exists (select 1 from staff_account where username = 'outcomes-lead')""");
        return bench.staff("outcomes-lead");
    }

    /**
     * Ten thousand clients each with a session in the next 24 hours and one attended before (so they get the whole
     * set), with bench therapists of their own (a therapist sees at most one client at a time).
     */
    private static void prepareSessions(BenchContext bench, int sessions) {
        var jdbc = bench.jdbc();
        cleanUpSessions(bench);
        int therapists = Math.max(1, (sessions + 24) / 25);
        jdbc.update("""
                insert into staff_account (username, display_name, email, password_hash, role, active, created_at)
                select 'outcomes-bench-' || n, 'Outcomes Bench ' || n, 'outcomes-bench-' || n || '@thaw.example',
                       '{noop}unused', 'THERAPIST', true, now()
                  from generate_series(1, ?) n
                 where not exists (select 1 from staff_account where username = 'outcomes-bench-' || n)""",
                therapists);
        // the day's booked sessions need a therapist still with the practice (V182); sets made before were inactive
        jdbc.update("update staff_account set active = true where username like 'outcomes-bench-%' and not active");
        jdbc.update("""
                with c as (select id, (row_number() over (order by status = 'CLOSED', id) - 1)::int as k from intake
                            order by status = 'CLOSED', id limit ?),
                     t as (select array_agg(id order by id) as ids from staff_account
                            where username like 'outcomes-bench-%'),
                     ty as (select id from appointment_type where code = 'INDIVIDUAL')
                insert into appointment (intake_id, therapist_id, type_id, format, starts_at, ends_at, state, created_at)
                select c.id, t.ids[1 + c.k % cardinality(t.ids)], ty.id, 'ONLINE', x.starts, x.starts
                       + interval '50 minutes', s.state, now()
                  from c, t, ty, (values ('BOOKED', interval '0'), ('ATTENDED', interval '3 years')) s (state, back)
                 cross join lateral (select date_trunc('hour', now()) + interval '1 hour'
                                            + interval '55 minutes' * (c.k / cardinality(t.ids)) - s.back as starts) x
                """, sessions);
        // the attended session three years ago makes the day's session not the client's first
        jdbc.update("""
                insert into care_event (intake_id, kind, occurred_at, recorded_at, appointment_id, treatment)
                select a.intake_id, 'SESSION_ATTENDED', a.starts_at, now(), a.id, true
                  from appointment a
                 where a.state = 'ATTENDED' and a.therapist_id in (select id from staff_account
                                                                    where username like 'outcomes-bench-%')""");
        jdbc.execute("analyze appointment");
    }

    private static void cleanUpSessions(BenchContext bench) {
        var jdbc = bench.jdbc();
        String ours = "select id from appointment where therapist_id in (select id from staff_account "
                + "where username like 'outcomes-bench-%')";
        jdbc.update("delete from measure_link where request_id in (select id from measure_request where appointment_id in ("
                + ours + "))");
        jdbc.update("delete from measure_request where appointment_id in (" + ours + ")");
        jdbc.update("delete from outbox_message where kind = 'MEASURE_LINK'");
        jdbc.execute("alter table care_event disable trigger care_event_no_change");
        jdbc.update("delete from care_event where appointment_id in (" + ours + ")");
        jdbc.execute("alter table care_event enable trigger care_event_no_change");
        jdbc.update("delete from appointment where therapist_id in (select id from staff_account "
                + "where username like 'outcomes-bench-%')");
    }
}
