package app.thaw.bench.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.thaw.base.ids.CaseReference;
import app.thaw.Application;
import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.RecordingJdbcTemplate;
import app.thaw.bench.StatementCounter;
import app.thaw.bench.Stats;
import app.thaw.bench.data.GenerateCommand;
import app.thaw.intake.RequestedType;
import app.thaw.outcomes.OutcomeService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.CasePart;
import app.thaw.review.QueueFilter;
import app.thaw.review.QueueRow;
import app.thaw.review.QueueSort;
import app.thaw.review.ReviewQueueService;
import app.thaw.security.StaffUser;

/**
 * {@code -Dbench=queue}: the review queue as a therapist sees it, through the real {@link ReviewQueueService} (service
 * time) and as the very SQL it ran, replayed alone (DB time), with EXPLAIN (ANALYZE, BUFFERS) of each plan.
 */
public class QueueBench implements BenchCommand {

    static final int PAGE = 50;

    @Override
    public String name() {
        return "queue";
    }

    @Override
    public String description() {
        return "review queue first/filtered/search/deep pages, DB and service time; case open [--iterations=200 --depth=100000 --jfr]";
    }

    private record Scenario(String name, QueueFilter filter, QueueSort sort, int depth) {
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int iterations = options.integer("iterations", 200);
        int warmup = options.integer("warmup", 30);
        int depth = options.integer("depth", 100_000);
        try (BenchContext bench = BenchContext.start()) {
            ReviewQueueService review = bench.bean(ReviewQueueService.class);
            StaffUser therapist = bench.staff(options.string("as", GenerateCommand.therapist(2)));
            LocalDate today = LocalDate.now(Application.PRACTICE_ZONE);
            QueueFilter everything = new QueueFilter(Set.of(), QueueFilter.Urgency.ANY, null,
                    QueueFilter.Assignment.ANYONE, null, null, null);
            // a client of the therapist's visible open cases, to search for by email, reference and partial name
            var sample = bench.jdbc().queryForMap("""
                    select id, reference, email, full_name from intake
                     where queue_assignee_id is null and status in ('NEW', 'IN_REVIEW', 'AWAITING_PARTNER')
                     order by id desc limit 1""");
            String[] sampleName = ((String) sample.get("full_name")).split(" ");
            String surname = sampleName[sampleName.length - 1];
            String partial = sampleName[0] + " " + surname.substring(0, Math.min(3, surname.length()));
            List<Scenario> scenarios = List.of(
                    new Scenario("first page: open cases, urgent first", QueueFilter.open(), QueueSort.DEFAULT, 0),
                    new Scenario("filtered: couples, unassigned, last 30 days", new QueueFilter(Set.of(),
                            QueueFilter.Urgency.ANY, RequestedType.COUPLES, QueueFilter.Assignment.UNASSIGNED,
                            today.minusDays(30), null, null), QueueSort.DEFAULT, 0),
                    new Scenario("search: surname 'khan' in open cases", QueueFilter.open().withSearch("khan"),
                            QueueSort.DEFAULT, 0),
                    new Scenario("search: partial surname 'kha' in open cases", QueueFilter.open().withSearch("kha"),
                            QueueSort.DEFAULT, 0),
                    new Scenario("search: first name and partial surname '" + partial + "' in open cases",
                            QueueFilter.open().withSearch(partial), QueueSort.DEFAULT, 0),
                    new Scenario("search: email in open cases", QueueFilter.open().withSearch(
                            (String) sample.get("email")), QueueSort.DEFAULT, 0),
                    new Scenario("search: reference in open cases", QueueFilter.open().withSearch(
                            (String) sample.get("reference")), QueueSort.DEFAULT, 0),
                    new Scenario("search: surname 'khan' in all cases", everything.withSearch("khan"),
                            QueueSort.DEFAULT, 0),
                    new Scenario("deep: all cases, urgent first, after row " + depth, everything, QueueSort.DEFAULT,
                            depth),
                    new Scenario("deep: all cases by name, after row " + depth, everything,
                            new QueueSort(QueueSort.Field.NAME, false), depth));
            var table = new StringBuilder(Stats.header());
            var plans = new StringBuilder();
            for (Scenario scenario : scenarios) {
                QueueRow after = scenario.depth() == 0 ? null : walk(review, therapist, scenario, scenario.depth());
                String name = after == null ? scenario.name() : scenario.name() + " (" + after.reference() + ")";
                var service = Measure.repeat(warmup, iterations, () -> BenchContext.as(therapist,
                        () -> review.queue(scenario.filter(), scenario.sort(), after, PAGE)));
                int rows = BenchContext.as(therapist, () -> review.queue(scenario.filter(), scenario.sort(), after, PAGE))
                        .size();
                RecordingJdbcTemplate.Recorded sql = bench.lastQuery();
                var db = Measure.repeat(warmup, iterations, () -> bench.jdbc().query(sql.sql(), rs -> {
                }, sql.args()));
                Stats dbStats = db.stats(name + " — DB (" + rows + " rows)");
                Stats serviceStats = service.stats(name + " — service");
                System.out.println(dbStats.line());
                System.out.println(serviceStats.line());
                table.append(dbStats.row()).append(serviceStats.row());
                plans.append("<details><summary>").append(scenario.name()).append("</summary>\n\n```sql\n")
                        .append(sql.sql().strip()).append("\n-- ").append(java.util.Arrays.toString(sql.args()))
                        .append("\n```\n\n```\n").append(String.join("\n", bench.explain(sql))).append("\n```\n</details>\n\n");
            }
            CaseReference reference = CaseReference.of((String) sample.get("reference"));
            CaseOpeningService opening = bench.bean(CaseOpeningService.class);
            JfrSummary jfr = options.flag("jfr") ? JfrSummary.start("case-open") : null;
            var open = Measure.repeat(warmup, iterations, () -> BenchContext.as(therapist,
                    () -> opening.openCase(reference).orElseThrow()));
            String profile = jfr == null ? "" : "\n\n" + jfr.stopAndSummarise(30);
            long before = StatementCounter.onThisThread();
            BenchContext.as(therapist, () -> opening.openCase(reference).orElseThrow());
            long statements = StatementCounter.onThisThread() - before;
            Stats openStats = open.stats("case open: an unassigned open case with its answers — service ("
                    + statements + " SQL statements)");
            System.out.println(openStats.line());
            table.append(openStats.row());
            longestHistory(bench, opening, warmup, iterations, table);
            // what the case view reads after adding a note: the notes and the history, never the answers (ADR 17)
            long intakeId = ((Number) sample.get("id")).longValue();
            var noteParts = java.util.EnumSet.of(CasePart.NOTES, CasePart.HISTORY);
            var reread = Measure.repeat(warmup, iterations, () -> BenchContext.as(therapist,
                    () -> opening.reread(app.thaw.base.ids.IntakeId.of(intakeId), noteParts)));
            long beforeReread = StatementCounter.onThisThread();
            BenchContext.as(therapist, () -> opening.reread(app.thaw.base.ids.IntakeId.of(intakeId), noteParts));
            Stats rereadStats = reread.stats("case view after adding a note: notes and history read again — service ("
                    + (StatementCounter.onThisThread() - beforeReread) + " SQL statements)");
            System.out.println(rereadStats.line());
            table.append(rereadStats.row());
            caseMeasures(bench, warmup, iterations, table);
            String body = "Goals: search and pages p95 ≤ 5 ms DB, case open p95 ≤ 20 ms; before issue 20: p95 ≤ 5 ms DB, ≤ 20 ms service. Signed in as therapist `" + therapist.username()
                    + "` (sees unassigned cases and their own); pages of " + PAGE + " rows; "
                    + bench.jdbc().queryForObject("select count(*) from intake", Long.class) + " intakes"
                    + searchTerms(bench) + ".\n\n"
                    + table + profile + "\n\nPlans (EXPLAIN (ANALYZE, BUFFERS), run once after the timings):\n\n" + plans;
            PerformanceDoc.write("queue", options, Machine.describe(bench.postgresVersion()), body);
        }
    }

    /**
     * The case view's measures chart for the client with the most answered sets (and their partner's line), read by
     * their own therapist; skipped when the data has no measures (generated before session 12).
     */
    private static void caseMeasures(BenchContext bench, int warmup, int iterations, StringBuilder table)
            throws Exception {
        var busiest = bench.jdbc().queryForList("""
                select i.reference, s.username, count(*) as sets
                  from measure_response r join intake i on i.id = r.intake_id
                  join staff_account s on s.id = i.queue_assignee_id
                 group by i.reference, s.username order by count(*) desc limit 1""");
        if (busiest.isEmpty()) {
            return;
        }
        CaseReference reference = CaseReference.of((String) busiest.get(0).get("reference"));
        StaffUser own = bench.staff((String) busiest.get(0).get("username"));
        OutcomeService outcomes = bench.bean(OutcomeService.class);
        var read = Measure.repeat(warmup, iterations, () -> BenchContext.as(own,
                () -> outcomes.caseMeasures(reference).orElseThrow()));
        long before = StatementCounter.onThisThread();
        BenchContext.as(own, () -> outcomes.caseMeasures(reference).orElseThrow());
        Stats stats = read.stats("case measures: the chart of the client with the most answered sets ("
                + busiest.get(0).get("sets") + ") — service (" + (StatementCounter.onThisThread() - before)
                + " SQL statements)");
        System.out.println(stats.line());
        table.append(stats.row());
    }

    /** How many search terms (V160) the intakes have and what they and their indexes take on disk. */
    private static String searchTerms(BenchContext bench) {
        if (bench.jdbc().queryForObject("select to_regclass('intake_search') is null", Boolean.class)) {
            return "";
        }
        return bench.jdbc().queryForObject("""
                select format('; %s search terms (intake_search, V160): table %s, indexes %s', count(*),
                              pg_size_pretty(pg_relation_size('intake_search')),
                              pg_size_pretty(pg_indexes_size('intake_search')))
                  from intake_search""", String.class);
    }

    /**
     * The row a therapist reaches after paging {@code depth} rows down, as the grid would (keyset pages of 200); if
     * the therapist's list is shorter, the row halfway down it.
     */
    private static QueueRow walk(ReviewQueueService review, StaffUser therapist, Scenario scenario, int depth) {
        int visible = count(review, therapist, scenario, depth);
        return visible > depth ? walkTo(review, therapist, scenario, depth)
                : walkTo(review, therapist, scenario, Math.max(1, visible / 2));
    }

    private static int count(ReviewQueueService review, StaffUser therapist, Scenario scenario, int depth) {
        QueueRow last = null;
        int seen = 0;
        while (seen <= depth) {
            QueueRow after = last;
            List<QueueRow> page = BenchContext.as(therapist, () -> review.queue(scenario.filter(), scenario.sort(), after,
                    200));
            seen += page.size();
            if (page.size() < 200) {
                return seen;
            }
            last = page.getLast();
        }
        return seen;
    }

    private static QueueRow walkTo(ReviewQueueService review, StaffUser therapist, Scenario scenario, int depth) {
        QueueRow last = null;
        int seen = 0;
        while (seen < depth) {
            QueueRow after = last;
            int size = Math.min(200, depth - seen);
            List<QueueRow> page = BenchContext.as(therapist, () -> review.queue(scenario.filter(), scenario.sort(), after,
                    size));
            if (page.isEmpty()) {
                break;
            }
            last = page.getLast();
            seen += page.size();
        }
        return last;
    }

    /**
     * The open case with the most sessions, opened by the therapist who holds it: the longest history a case view
     * reads (care events, sessions, notes), where a new case has a handful of rows.
     */
    private static void longestHistory(BenchContext bench, CaseOpeningService opening, int warmup, int iterations,
                                       StringBuilder table) throws Exception {
        var busiest = bench.jdbc().queryForList("""
                select i.reference, s.username,
                       (select count(*) from appointment a where a.intake_id = i.id) as sessions,
                       (select count(*) from care_event e where e.intake_id = i.id) as events
                  from (select intake_id from appointment group by intake_id order by count(*) desc limit 50) top
                  join intake i on i.id = top.intake_id and i.status <> 'CLOSED'
                  join review_case rc on rc.intake_id = i.id
                  join staff_account s on s.id = rc.assigned_therapist_id and s.active
                 order by 3 desc limit 1""");
        if (busiest.isEmpty()) {
            System.out.println("no open case with sessions and a therapist: longest history not measured");
            return;
        }
        var row = busiest.getFirst();
        CaseReference reference = CaseReference.of((String) row.get("reference"));
        StaffUser holder = bench.staff((String) row.get("username"));
        var open = Measure.repeat(warmup, iterations, () -> BenchContext.as(holder,
                () -> opening.openCase(reference).orElseThrow()));
        long before = StatementCounter.onThisThread();
        BenchContext.as(holder, () -> opening.openCase(reference).orElseThrow());
        long statements = StatementCounter.onThisThread() - before;
        Stats stats = open.stats("case open: the open case with the most sessions (" + row.get("sessions")
                + " sessions, " + row.get("events") + " care events), by its therapist — service (" + statements
                + " SQL statements)");
        System.out.println(stats.line());
        table.append(stats.row());
    }
}
