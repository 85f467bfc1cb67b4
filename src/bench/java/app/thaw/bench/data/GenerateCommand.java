package app.thaw.bench.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.Application;
import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.intake.questionnaire.QuestionnaireLoader;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.review.factors.FactorRuleLoader;

/**
 * {@code -Dbench=generate}: fills an empty bench database with a practice group's three years — by default
 * 1,000,000 intakes, 200 therapists, 20 rooms and 2,000,000 sessions with the measures answered before the attended
 * ones (and each intake's own first measure) and the courses of therapy they make — through COPY, with every
 * constraint and trigger of the schema in force. {@code --intakes=50000} scales everything else with it, down or up.
 */
public class GenerateCommand implements BenchCommand {

    public static final String PASSWORD = "calm-river-2026";
    public static final String ADMIN = "bench-admin";
    /** Every generated staff member's authenticator secret (base32), so load runs can compute their codes. */
    public static final String TOTP_SECRET = "THAWBENCHTHAWBENCHTHAWBENCHTHAWB";

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String description() {
        return "bench data: --intakes=1000000 [--appointments --therapists --rooms --years=3 --seed --reset "
                + "--profiles=256 --score-each --live-indexes --live-triggers --live-search-terms --durable-load --workers=2]";
    }

    /** Therapist usernames: therapist001 …; the first one's next five weeks are fully booked. */
    public static String therapist(int number) {
        return String.format(Locale.ROOT, "therapist%03d", number);
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        if (options.flag("reset")) {
            BenchContext.deleteEmbeddedData();
        }
        var phases = new Phases();
        long started = System.nanoTime();
        try (BenchContext bench = BenchContext.start()) {
            JdbcTemplate jdbc = bench.jdbc();
            var resumed = GenerateRun.find(jdbc);
            GenerateRun run = resumed.orElseGet(() -> settings(options));
            if (resumed.isPresent()) {
                System.out.println("  resuming the run killed before it finished: " + run);
            } else if (jdbc.queryForObject("select count(*) from intake", Long.class) > 0
                    || jdbc.queryForObject("select count(*) from staff_account", Long.class) > 0) {
                throw new IllegalStateException("The bench database is not empty: run with --reset (embedded) or "
                        + "give an empty server");
            }
            boolean fastWal = BenchContext.embedded() && !options.flag("durable-load");
            if (fastWal) {
                LoadSettings.forLoad(jdbc);
            }
            boolean fast = !options.flag("score-each");
            // --live-search-terms keeps the trigger writing each intake's terms as it arrives (the old, slower load)
            boolean deferSearch = !options.flag("live-search-terms");
            if (resumed.isEmpty()) {
                run.begin(jdbc);
                if (deferSearch) {
                    // the fast path also builds the bulk tables' plain indexes after the load (--live-indexes keeps them)
                    var tables = fast && !options.flag("live-indexes") ? DeferredSearchTerms.BULK_TABLES : List.<String>of();
                    System.out.println("  indexes deferred: " + DeferredSearchTerms.begin(jdbc, tables)
                            + " secondary indexes dropped until after the load, the search-term trigger off");
                }
            }
            phases.end("start and migrate");
            // the fast path loads without row triggers where the database user may (--live-triggers keeps them)
            boolean triggersOff = fast && !options.flag("live-triggers") && ParallelCopy.mayLoadAsReplica(bench);
            var counts = load(bench, run, resumed.isEmpty(), fast, triggersOff, options.integer("workers", 2), phases);
            phases.start();
            // the queue's search terms (V160): every intake's at once after a deferred load, then the deferred indexes
            // and the trigger back; after a load with the trigger on, only what a stopped run left out
            boolean deferred = DeferredSearchTerms.pending(jdbc);
            int filled = DeferredSearchTerms.finish(jdbc, options.integer("workers", 2));
            System.out.println("  search terms filled after the load: " + filled);
            phases.end(deferred ? "search terms and deferred indexes, after the load"
                    : "search terms missing after the load");
            jdbc.execute("vacuum (analyze)");
            phases.end("vacuum analyze");
            if (fastWal) {
                LoadSettings.durable(jdbc);
                phases.end("durable settings back, checkpoint and sync");
            }
            GenerateRun.finished(jdbc);
            double total = (System.nanoTime() - started) / 1e9;
            String summary = GenerateReport.summary(jdbc, counts, phases, total);
            System.out.println(summary);
            PerformanceDoc.write("generate", options, Machine.describe(bench.postgresVersion()), summary);
        }
    }

    private static GenerateRun settings(BenchOptions options) {
        int intakes = options.integer("intakes", options.integer("scale", 1_000_000));
        // a therapist for every 5,000 intakes and a room for every ten therapists, as at 1 M (200 and 20)
        int therapists = options.integer("therapists", Math.max(intakes / 5000, 5));
        return new GenerateRun(intakes, options.number("appointments", 2L * intakes), therapists,
                options.integer("rooms", Math.max(therapists / 10, 2)), options.integer("years", 3),
                options.number("seed", 2026), options.integer("chunk", 10_000), options.integer("profiles", 256),
                Instant.now());
    }

    private static GenerateReport.CaseCounts load(BenchContext bench, GenerateRun run, boolean fresh, boolean fast,
                                                  boolean triggersOff, int workers, Phases phases) throws Exception {
        JdbcTemplate jdbc = bench.jdbc();
        Instant now = run.now();
        LocalDate today = LocalDate.ofInstant(now, Application.PRACTICE_ZONE);
        LocalDate firstDay = today.minusYears(run.years() - 1L);
        LocalDate lastDay = today.plusYears(1);
        Instant start = firstDay.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        // the audit log and the answered measures are partitioned by month (ADR 20): the past years' months too
        for (String partitioned : List.of("audit_entry", "measure_response")) {
            jdbc.queryForObject("select ensure_month_partitions(?, ?, ?)", Integer.class, partitioned,
                    firstDay.withDayOfMonth(1), run.years() * 12 + 4);
        }
        var random = new Random(run.seed());
        long[] therapistIds = Practice.staff(jdbc, () -> bench.bean(PasswordEncoder.class).encode(PASSWORD),
                run.therapists(), fresh);
        List<Long> roomIds = Practice.rooms(jdbc, run.rooms(), fresh);
        List<DiaryPlanner.Therapist> diaries = Practice.workingWeeks(jdbc, therapistIds, firstDay, lastDay, random, fresh);
        // the diary's capacity is known now; loading millions of intakes first would only delay the refusal
        DiaryPlanner.checkCapacity(SessionLoad.settings(roomIds, firstDay, lastDay, now, run.appointments(), run.seed()),
                diaries);
        phases.end("staff, rooms, working hours");

        var definition = QuestionnaireLoader.loadCurrent();
        var rules = FactorRuleLoader.validate(FactorRuleLoader.loadClasspath("review/factor-rules-v2.yaml"), definition);
        ScoredIntake.Source scoring = ScoredIntake.scoredEach(definition, rules, new IntakeAnswers(definition, today),
                new MeasureCatalog(), bench.bean(JsonMapper.class));
        if (fast) {
            var pool = new ProfilePool(scoring, run.perKind(), run.seed() * 17);
            scoring = pool;
            phases.end("profiles scored by the real scorer and rules (" + pool.size() + ")");
        }
        var ledger = new CaseWriter.Ledger(run.intakes() + 1);
        var counts = IntakeLoad.load(bench, run, definition, rules, scoring, fast, start, therapistIds, ledger, workers,
                !fresh, triggersOff);
        phases.end("intakes, review cases, suggestions, notes, referrals, audit, first measures, care events");

        long startedDiary = System.nanoTime();
        var courses = new Courses(ledger, run.intakes(), start, now, therapistIds);
        // the answered sets are numbered after the intakes' own first measures (which take the intake's id)
        long planned = SessionLoad.load(bench, roomIds, diaries, new Caseload(ledger, run.intakes(), start), courses,
                firstDay, lastDay, now, run.appointments(), run.seed(), workers, fast,
                triggersOff, new MeasurePool(bench.bean(JsonMapper.class)), run.intakes(),
                done -> progress("sessions", done, run.appointments(), startedDiary));
        phases.end("sessions (" + planned + ")");
        long episodes = SessionLoad.loadEpisodes(bench, courses, workers, triggersOff);
        phases.end("outcome episodes (" + episodes + "), closings and statuses from the care events");
        int claims = SessionLoad.claimDiary(jdbc, workers);
        if (triggersOff) {
            System.out.println("  diary claims " + claims);
            phases.end("diary claims, after the load");
            var tables = new java.util.ArrayList<>(DeferredSearchTerms.BULK_TABLES);
            tables.addAll(List.of("audit_entry", "measure_request", "measure_response", "outcome_episode"));
            System.out.println("  foreign keys checked: " + ForeignKeys.check(jdbc, tables, workers));
            ForeignKeys.checkQueueCopies(jdbc);
            phases.end("foreign keys and queue copies checked, after the load");
        }

        for (String table : List.of("staff_account", "room", "working_hours", "working_exception", "couple_case",
                "intake", "appointment", "measure_request", "measure_response", "outcome_episode")) {
            jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from "
                    + table + "), 1))");
        }
        // the generated intakes came from drafts 1…n, used and deleted: new drafts are numbered after them
        jdbc.execute("select setval(pg_get_serial_sequence('intake_draft', 'id'), (select max(draft_id) from intake))");
        phases.end("sequences");
        // the practice's results as the app adds each course to them as it ends, rebuilt by the app's own code
        System.out.println("  outcome summary rows: " + bench.bean(EpisodeStore.class).rebuildSummary());
        phases.end("outcome summary, from the ended courses");
        return counts;
    }

    static void progress(String what, long done, long of, long startedNanos) {
        double s = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "  %s: %,d of %,d (%.0f s, %,.0f/s)%n", what, done, of, s, done / Math.max(s, 0.001));
    }
}
