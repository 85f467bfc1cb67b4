package app.thaw.bench.data;

import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
import app.thaw.review.factors.FactorRuleLoader;

/**
 * {@code -Dbench=generate}: fills an empty bench database with a practice group's three years — by default
 * 1,000,000 intakes, 200 therapists, 20 rooms and 2,000,000 sessions — through COPY, with every constraint and
 * trigger of the schema in force. {@code --intakes=50000} scales everything else down with it.
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
        return "bench data: --intakes=1000000 [--appointments --therapists --rooms --years=3 --seed --reset]";
    }

    /** Therapist usernames: therapist001 …; the first one's next five weeks are fully booked. */
    public static String therapist(int number) {
        return String.format(Locale.ROOT, "therapist%03d", number);
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int intakes = options.integer("intakes", options.integer("scale", 1_000_000));
        long appointments = options.number("appointments", 2L * intakes);
        int therapists = options.integer("therapists", Math.clamp(intakes / 5000, 5, 200));
        int rooms = Math.min(options.integer("rooms", Math.clamp(therapists / 10, 2, 20)), 31);
        int years = options.integer("years", 3);
        long seed = options.number("seed", 2026);
        int chunkSize = options.integer("chunk", 10_000);
        if (options.flag("reset")) {
            BenchContext.deleteEmbeddedData();
        }
        long started = System.nanoTime();
        var phases = new Phases();
        try (BenchContext bench = BenchContext.start()) {
            JdbcTemplate jdbc = bench.jdbc();
            if (jdbc.queryForObject("select count(*) from intake", Long.class) > 0
                    || jdbc.queryForObject("select count(*) from staff_account", Long.class) > 0) {
                throw new IllegalStateException("The bench database is not empty: run with --reset (embedded) or "
                        + "give an empty server");
            }
            if (BenchContext.embedded()) {
                jdbc.execute("alter system set max_wal_size = '4GB'");
                // the search terms' indexes are built once after the load: sorting them in memory is faster
                jdbc.execute("alter system set maintenance_work_mem = '512MB'");
                jdbc.execute("select pg_reload_conf()");
            }
            // --live-search-terms keeps the trigger writing each intake's terms as it arrives (the old, slower load)
            boolean deferSearch = !options.flag("live-search-terms");
            if (deferSearch) {
                System.out.println("  search terms deferred: " + DeferredSearchTerms.begin(jdbc)
                        + " indexes of intake_search dropped until after the load, its trigger off");
            }
            phases.end("start and migrate");
            Instant now = Instant.now();
            LocalDate today = LocalDate.ofInstant(now, Application.PRACTICE_ZONE);
            LocalDate firstDay = today.minusYears(years - 1L);
            LocalDate lastDay = today.plusYears(1);
            Instant start = firstDay.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
            // the audit log and the answered measures are partitioned by month (ADR 20): the past years' months too
            for (String partitioned : List.of("audit_entry", "measure_response")) {
                jdbc.queryForObject("select ensure_month_partitions(?, ?, ?)", Integer.class, partitioned,
                        firstDay.withDayOfMonth(1), years * 12 + 4);
            }
            var random = new Random(seed);

            long t = System.nanoTime();
            long[] therapistIds = staff(jdbc, bench.bean(PasswordEncoder.class).encode(PASSWORD), therapists);
            List<Long> roomIds = rooms(jdbc, rooms);
            List<DiaryPlanner.Therapist> diaries = workingWeeks(jdbc, therapistIds, firstDay, lastDay, random);
            phases.end("staff, rooms, working hours");

            t = System.nanoTime();
            var ledger = new CaseWriter.Ledger(intakes + 1);
            var definition = QuestionnaireLoader.loadCurrent();
            var rules = FactorRuleLoader.validate(FactorRuleLoader.loadClasspath("review/factor-rules-v2.yaml"),
                    definition);
            JsonMapper json = bench.bean(JsonMapper.class);
            Duration span = Duration.between(start, now);
            int workers = options.integer("workers", 2);
            var loader = new Loader(bench, workers);
            int chunks = (intakes + chunkSize - 1) / chunkSize;
            int[] urgent = new int[chunks];
            int[] couples = new int[chunks];
            var generators = java.util.concurrent.Executors.newFixedThreadPool(workers);
            var inFlight = new java.util.concurrent.Semaphore(2 * workers);
            List<java.util.concurrent.Future<?>> generated = new ArrayList<>();
            var done = new java.util.concurrent.atomic.AtomicInteger();
            long intakesStarted = t;
            for (int c = 0; c < chunks; c++) {
                int chunkIndex = c;
                int first = c * chunkSize + 1;
                int size = Math.min(chunkSize, intakes - c * chunkSize);
                inFlight.acquire();
                generated.add(generators.submit(() -> {
                    // each chunk: its own id ranges, time slice and seed, so chunks are made in parallel
                    var writer = new CaseWriter(definition, rules, json, start, now, therapistIds, ledger, first, first);
                    var chunkRandom = new Random(seed * 31 + chunkIndex);
                    Chunk chunk = new Chunk();
                    while (writer.written() < size) {
                        double position = (first - 1 + writer.written() + chunkRandom.nextDouble()) / intakes;
                        Instant at = start.plus(Duration.ofSeconds((long) (span.toSeconds() * position)));
                        writer.write(chunk, at, size - writer.written(), chunkRandom);
                    }
                    urgent[chunkIndex] = writer.urgent;
                    couples[chunkIndex] = writer.linkedCouples;
                    loader.send(chunk, inFlight::release);
                    int finished = done.incrementAndGet();
                    if (finished % 10 == 0 || finished == chunks) {
                        progress("intakes generated", (long) Math.min(intakes, finished * (long) chunkSize), intakes,
                                intakesStarted);
                        System.out.println("    " + loader.report());
                    }
                    return null;
                }));
            }
            for (var future : generated) {
                future.get();
            }
            generators.shutdown();
            loader.finish();
            System.out.println("  intakes loaded: " + loader.report());
            phases.end("intakes, review cases, suggestions, notes, referrals, audit");
            var counts = new CaseCounts(java.util.Arrays.stream(urgent).sum(), java.util.Arrays.stream(couples).sum(),
                    intakes);
            {
                t = System.nanoTime();
                Map<String, Long> types = new LinkedHashMap<>();
                jdbc.query("select code, id from appointment_type", rs -> {
                    types.put(rs.getString(1), rs.getLong(2));
                });
                var settings = new DiaryPlanner.Settings(Application.PRACTICE_ZONE, firstDay, lastDay, now, appointments,
                        roomIds, 0, 35, seed);
                var planner = new DiaryPlanner(settings, diaries, new Caseload(ledger, intakes, start));
                var diaryLoader = new Loader(bench, workers);
                long[] nextId = {1};
                Chunk[] current = {new Chunk()};
                long startedDiary = t;
                long planned = planner.plan(session -> {
                    appointmentRow(current[0].appointments, nextId[0]++, session, types);
                    if (current[0].appointmentRows() >= 50_000) {
                        diaryLoader.send(current[0], () -> { });
                        current[0] = new Chunk();
                        progress("sessions", nextId[0] - 1, appointments, startedDiary);
                    }
                });
                diaryLoader.send(current[0], () -> { });
                diaryLoader.finish();
                System.out.println("  sessions loaded: " + diaryLoader.report());
                phases.end("sessions (" + planned + ")");
            }
            t = System.nanoTime();
            for (String table : List.of("staff_account", "room", "working_hours", "working_exception", "couple_case",
                    "intake", "appointment")) {
                jdbc.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from "
                        + table + "), 1))");
            }
            // the generated intakes came from drafts 1…n, used and deleted: new drafts are numbered after them
            jdbc.execute("select setval(pg_get_serial_sequence('intake_draft', 'id'), (select max(draft_id) from intake))");
            phases.end("sequences");
            t = System.nanoTime();
            // the queue's search terms (V160): every intake's at once after a deferred load, then their indexes and
            // the trigger back; after a load with the trigger on, only what a stopped run left out
            int filled = DeferredSearchTerms.finish(jdbc);
            System.out.println("  search terms filled after the load: " + filled);
            phases.end(deferSearch ? "search terms and their indexes, after the load"
                    : "search terms missing after the load");
            t = System.nanoTime();
            jdbc.execute("vacuum (analyze)");
            phases.end("vacuum analyze");
            double total = seconds(started);
            String summary = summary(jdbc, counts, phases, total);
            System.out.println(summary);
            PerformanceDoc.write("generate", options, Machine.describe(bench.postgresVersion()), summary);
        }
    }

    private static Connection loadingConnection(BenchContext bench) throws java.sql.SQLException {
        Connection connection = bench.dataSource().getConnection();
        connection.setAutoCommit(false);
        try (var statement = connection.createStatement()) {
            statement.execute("set synchronous_commit = off");
        }
        connection.commit();
        return connection;
    }

    /**
     * Sends chunks over a few connections at once, each chunk in one transaction; chunks never refer to each other,
     * so they load in any order while the next ones are generated.
     */
    private static final class Loader {
        private final java.util.concurrent.ExecutorService copiers;
        private final List<java.util.concurrent.Future<?>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        private final BenchContext bench;
        /** Nanoseconds spent in COPY, summed over connections: where the time goes. */
        private final java.util.concurrent.atomic.AtomicLong copyNanos = new java.util.concurrent.atomic.AtomicLong();

        Loader(BenchContext bench, int connections) {
            this.bench = bench;
            this.copiers = java.util.concurrent.Executors.newFixedThreadPool(connections);
        }

        void send(Chunk chunk, Runnable afterwards) {
            sent.add(copiers.submit(() -> {
                long t = System.nanoTime();
                try (Connection connection = loadingConnection(bench)) {
                    chunk.copyTo(connection);
                } finally {
                    copyNanos.addAndGet(System.nanoTime() - t);
                    afterwards.run();
                }
                return null;
            }));
        }

        void finish() throws Exception {
            synchronized (sent) {
                for (var future : sent) {
                    future.get();
                }
            }
            copiers.shutdown();
        }

        String report() {
            return String.format(Locale.ROOT, "COPY busy %.0f s (summed over connections)", copyNanos.get() / 1e9);
        }
    }

    private static long[] staff(JdbcTemplate jdbc, String passwordHash, int therapists) {
        Instant created = Instant.now();
        jdbc.update("insert into staff_account (id, username, display_name, email, password_hash, role, created_at) "
                + "values (1, ?, 'Bench Practice Manager', 'bench-admin@example.org', ?, 'ADMIN', ?)", ADMIN,
                passwordHash, java.sql.Timestamp.from(created));
        var random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        long[] ids = new long[therapists];
        for (int i = 1; i <= therapists; i++) {
            ids[i - 1] = i + 1;
            rows.add(new Object[] {ids[i - 1], therapist(i), "Dr " + IntakeAnswers.randomName(random) + " " + i,
                    therapist(i) + "@example.org", passwordHash, java.sql.Timestamp.from(created)});
        }
        jdbc.batchUpdate("insert into staff_account (id, username, display_name, email, password_hash, role, created_at) "
                + "values (?, ?, ?, ?, ?, 'THERAPIST', ?)", rows);
        // staff sign-in needs a confirmed second factor: everyone enrolled with the bench secret, encrypted as the app does
        String secret = FreeText.store(TOTP_SECRET, "staff_second_factor.secret");
        jdbc.update("insert into staff_second_factor (staff_id, secret, created_at, confirmed_at) "
                + "select id, ?, created_at, created_at from staff_account", secret);
        return ids;
    }

    private static List<Long> rooms(JdbcTemplate jdbc, int rooms) {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= rooms; i++) {
            jdbc.update("insert into room (id, name) values (?, ?)", i, "Room " + i);
            ids.add(i);
        }
        return ids;
    }

    /**
     * Long weeks: the 2,000,000 sessions for 200 therapists over three years are ~64 a week each, so every
     * therapist works every day, 12 or 13 hours, staggered, with one week's leave a year.
     */
    private static List<DiaryPlanner.Therapist> workingWeeks(JdbcTemplate jdbc, long[] therapistIds, LocalDate firstDay,
                                                             LocalDate lastDay, Random random) {
        List<DiaryPlanner.Therapist> result = new ArrayList<>();
        List<Object[]> hours = new ArrayList<>();
        List<Object[]> leave = new ArrayList<>();
        for (long id : therapistIds) {
            int startHour = 7 + random.nextInt(2);
            int endHour = startHour + 13;
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            for (DayOfWeek day : days) {
                hours.add(new Object[] {id, day.getValue(), LocalTime.of(startHour, 0), LocalTime.of(endHour, 0)});
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (LocalDate year = firstDay; year.isBefore(lastDay); year = year.plusYears(1)) {
                LocalDate from = year.plusDays(random.nextInt(358));
                for (int d = 0; d < 7; d++) {
                    holidays.add(from.plusDays(d));
                    leave.add(new Object[] {id, from.plusDays(d)});
                }
            }
            result.add(new DiaryPlanner.Therapist(id, days, startHour, endHour, holidays));
        }
        jdbc.batchUpdate("insert into working_hours (therapist_id, day_of_week, starts, ends) values (?, ?, ?, ?)", hours);
        // time away is its own table since issue 15 (exceptions keep extra hours only)
        jdbc.batchUpdate("insert into time_away (therapist_id, first_day, last_day, reason, note, created_at) "
                + "values (?, ?, ?, 'ANNUAL_LEAVE', 'Annual leave', now())", leave.stream()
                .map(row -> new Object[] {row[0], row[1], row[1]}).toList());
        return result;
    }

    private static final List<String> CANCEL_REASONS = List.of("Client unwell", "Therapist unwell",
            "Client's work shift changed", "Childcare fell through", "Rearranged at the client's request");

    private static void appointmentRow(CopyBuffer rows, long id, DiaryPlanner.Session s, Map<String, Long> types) {
        boolean cancelled = s.state() == DiaryPlanner.State.CANCELLED;
        rows.add(id).add(s.intakeId()).add(s.partnerIntakeId()).add(s.therapistId()).add(s.roomId())
                .add(types.get(s.kind().name())).add(s.roomId() == null ? "ONLINE" : "IN_PERSON")
                .add(s.starts()).add(s.ends()).add(s.state().name())
                .add(cancelled ? s.cancelledByClient() : null)
                .add(cancelled ? FreeText.store(CANCEL_REASONS.get((int) (id % CANCEL_REASONS.size())),
                        "appointment.cancel_reason") : null)
                .add(cancelled && !s.cancelledByClient() ? s.therapistId() : null)
                .add(s.cancelledAt()).add(s.createdAt()).add(s.therapistId()).endRow();
    }

    /** A therapist's clients in order of arrival; a session goes to someone who arrived in the months before it. */
    static final class Caseload implements DiaryPlanner.Caseload {
        private final CaseWriter.Ledger ledger;
        private final int intakes;
        private final Instant start;
        private final int[][] clients;

        Caseload(CaseWriter.Ledger ledger, int intakes, Instant start) {
            this.ledger = ledger;
            this.intakes = intakes;
            this.start = start;
            int therapists = 0;
            for (int id = 1; id <= intakes; id++) {
                therapists = Math.max(therapists, ledger.therapist[id]);
            }
            int[] sizes = new int[therapists + 1];
            for (int id = 1; id <= intakes; id++) {
                if (ledger.client[id]) {
                    sizes[ledger.therapist[id]]++;
                }
            }
            clients = new int[therapists + 1][];
            for (int t = 0; t <= therapists; t++) {
                clients[t] = new int[sizes[t]];
            }
            int[] filled = new int[therapists + 1];
            for (int id = 1; id <= intakes; id++) {
                if (ledger.client[id]) {
                    int t = ledger.therapist[id];
                    clients[t][filled[t]++] = id;
                }
            }
        }

        @Override
        public DiaryPlanner.Client pick(int therapistIndex, Instant at, Random random) {
            int t = therapistIndex + 1;
            int[] list = t < clients.length ? clients[t] : new int[0];
            int id;
            if (list.length == 0) {
                id = 1 + random.nextInt(intakes);
            } else {
                int minute = (int) Duration.between(start, at).toMinutes();
                int from = firstAtOrAfter(list, minute - 300 * 24 * 60);
                int to = firstAtOrAfter(list, minute - 3 * 24 * 60);
                id = to > from ? list[from + random.nextInt(to - from)] : list[Math.clamp(to - 1L, 0, list.length - 1)];
            }
            int partner = ledger.partner[id];
            return new DiaryPlanner.Client(id, partner == 0 ? null : (long) partner);
        }

        private int firstAtOrAfter(int[] list, int minute) {
            int lo = 0;
            int hi = list.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ledger.submittedMinute[list[mid]] < minute) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private record CaseCounts(int urgent, int linkedCouples, int intakes) {
    }

    private static String summary(JdbcTemplate jdbc, CaseCounts writer, Phases phases, double total) {
        var text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Generated in **%.0f s** (%.1f min).%n%n", total, total / 60));
        text.append(phases.table(writer.intakes()));
        text.append("\n| table | rows |\n|---|---:|\n");
        for (String table : List.of("intake", "couple_case", "review_case", "factor_suggestion", "case_note", "referral",
                "audit_entry", "staff_account", "room", "working_hours", "time_away", "appointment", "intake_search")) {
            text.append(String.format(Locale.ROOT, "| %s | %,d |%n", table,
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
        }
        long intakes = writer.intakes();
        text.append(String.format(Locale.ROOT, "%nUrgent (risk-flagged by the real scorer): %.2f %%. Intakes in a linked "
                        + "couple: %.1f %%. Database size: %s.%n%n", 100.0 * writer.urgent() / intakes,
                200.0 * writer.linkedCouples() / intakes,
                jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class)));
        text.append("| status | intakes |\n|---|---:|\n");
        jdbc.query("select status, count(*) from intake group by status order by 2 desc", rs -> {
            text.append(String.format(Locale.ROOT, "| %s | %,d |%n", rs.getString(1), rs.getLong(2)));
        });
        text.append("\n| session state | sessions |\n|---|---:|\n");
        jdbc.query("select state, count(*) from appointment group by state order by 2 desc", rs -> {
            text.append(String.format(Locale.ROOT, "| %s | %,d |%n", rs.getString(1), rs.getLong(2)));
        });
        return text.toString();
    }

    private static void progress(String what, long done, long of, long startedNanos) {
        double s = seconds(startedNanos);
        System.out.printf(Locale.ROOT, "  %s: %,d of %,d (%.0f s, %,.0f/s)%n", what, done, of, s, done / Math.max(s, 0.001));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
