package app.thaw.bench.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.Application;
import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Stats;
import app.thaw.bench.data.GenerateCommand;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffUser;

/**
 * {@code -Dbench=booking}: the practice manager books sessions through the real {@link SchedulingService} into free
 * hours of every therapist's diary 200–365 days ahead, with the generated sessions present; then 50 bookings of one
 * slot race (exactly one may win). Bookings stay in the database, each run finds fresh free hours.
 */
public class BookingBench implements BenchCommand {

    @Override
    public String name() {
        return "booking";
    }

    @Override
    public String description() {
        return "bookings/s and p95 through SchedulingService beside a raw INSERT baseline in the same run, plus the "
                + "50-way race [--threads=4 --duration=20s --races=5 --jfr --pgss --cases=in-hand|any]";
    }

    record Slot(long therapistId, ZonedDateTime start) {
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int threads = options.integer("threads", 4);
        Duration duration = options.duration("duration", Duration.ofSeconds(20));
        Duration warmup = options.duration("warmup", Duration.ofSeconds(3));
        int races = options.integer("races", 5);
        try (BenchContext bench = BenchContext.start()) {
            JdbcTemplate jdbc = bench.jdbc();
            SchedulingService scheduling = bench.bean(SchedulingService.class);
            StaffUser admin = bench.staff(GenerateCommand.ADMIN);
            long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
            long maxIntake = jdbc.queryForObject("select max(id) from intake", Long.class);
            // staff book sessions for the cases in their hands (most of them a course's next session); the generated
            // history is mostly closed cases, which take no booking until reopened. --cases=any books any intake.
            boolean anyCase = "any".equals(options.string("cases", "in-hand"));
            long[] inHand = jdbc.queryForList("select id from intake where status in "
                    + "('REFERRED', 'WAITING', 'SCHEDULED', 'IN_THERAPY') order by id", Long.class).stream()
                    .mapToLong(Long::longValue).toArray();
            long present = jdbc.queryForObject("select count(*) from appointment", Long.class);
            var free = new ConcurrentLinkedQueue<>(freeSlots(jdbc, options.integer("per-therapist", 400)));
            System.out.printf(Locale.ROOT, "%d sessions present, %d free hours found, booking %s%n", present,
                    free.size(), anyCase ? "any intake" : String.format(Locale.ROOT, "the %,d cases in hand",
                            inHand.length));
            var random = new Random(5);
            var outcomes = new AtomicInteger[3];
            for (int i = 0; i < 3; i++) {
                outcomes[i] = new AtomicInteger();
            }
            Measure.Step step = thread -> {
                Slot slot = free.poll();
                if (slot == null) {
                    throw new IllegalStateException("Ran out of free hours: lower --duration or raise --per-therapist");
                }
                long intake = anyCase ? 1 + Math.floorMod(random.nextLong(), maxIntake)
                        : inHand[Math.floorMod(random.nextLong(), inHand.length)];
                BookingResult booked = BenchContext.as(admin, () -> scheduling.book(new BookingRequest(intake, null,
                        slot.therapistId(), type, SessionFormat.ONLINE, null, slot.start(), null)));
                outcomes[booked instanceof BookingResult.Booked ? 0 : booked instanceof BookingResult.Conflict ? 1 : 2]
                        .incrementAndGet();
                return booked instanceof BookingResult.Booked;
            };
            // the same row written by one plain INSERT (autocommit, the appointment's triggers: the diary claim with
            // its two exclusion checks, and the closed-case check, so its intake is a case in hand like a booking's):
            // what the database alone can do on this machine right now, the baseline the goal is a share of. Its hours
            // lie after every session present and after the free hours booked below, one therapist after another, so no run meets an earlier one's rows.
            List<Long> therapists = jdbc.queryForList("select id from staff_account where role = 'THERAPIST' "
                    + "and active order by id", Long.class);
            Instant rawFrom = jdbc.queryForObject("select date_trunc('day', greatest(max(ends_at), now() + interval "
                    + "'400 days')) + interval '1 day' from appointment", java.sql.Timestamp.class).toInstant();
            var rawNext = new java.util.concurrent.atomic.AtomicLong();
            Measure.Step raw = thread -> {
                long n = rawNext.getAndIncrement();
                Instant from = rawFrom.plus(Duration.ofHours(n / therapists.size()));
                long intake = inHand[(int) Math.floorMod(n * 7919L, (long) inHand.length)];
                return jdbc.update("insert into appointment (intake_id, therapist_id, type_id, format, starts_at, "
                                + "ends_at, created_at, created_by) values (?, ?, ?, 'ONLINE', ?, ?, now(), ?)", intake,
                        therapists.get((int) (n % therapists.size())), type, java.sql.Timestamp.from(from),
                        java.sql.Timestamp.from(from.plus(Duration.ofMinutes(50))), admin.id()) == 1;
            };
            // warm-up on its own, so the CPU figures below are the steady state's (JIT compilation mostly done)
            Measure.sustained(threads, Duration.ZERO, warmup, raw);
            var rawResult = Measure.sustained(threads, Duration.ZERO, duration, raw);
            Measure.sustained(threads, Duration.ZERO, warmup, step);
            JfrSummary jfr = options.flag("jfr") ? JfrSummary.start("booking") : null;
            PgStatements pgss = options.flag("pgss") ? PgStatements.start(jdbc) : null;
            CpuTime cpuBefore = CpuTime.now();
            var result = Measure.sustained(threads, Duration.ZERO, duration, step);
            CpuTime cpu = CpuTime.now().since(cpuBefore);
            long attempts = result.done() + result.failed();
            String profile = (jfr == null ? "" : "\n\n" + jfr.stopAndSummarise(25))
                    + (pgss == null ? "" : "\n\n" + pgss.summarise((int) Math.max(1, attempts), 30));
            String cpuLine = String.format(Locale.ROOT, "CPU per booking after warm-up: JVM %.2f ms, PostgreSQL "
                            + "%.2f ms — %.2f ms in all, i.e. at most ~%.0f bookings/s on 2 idle cores.",
                    cpu.jvmSeconds() * 1000 / attempts, cpu.postgresSeconds() * 1000 / attempts,
                    (cpu.jvmSeconds() + cpu.postgresSeconds()) * 1000 / attempts,
                    2 * attempts / (cpu.jvmSeconds() + cpu.postgresSeconds()));
            Stats stats = result.latencies().stats("book one session (" + threads + " threads)");
            Stats rawStats = rawResult.latencies().stats("raw INSERT of the same row (" + threads + " threads)");
            String rate = String.format(Locale.ROOT, "**%.0f bookings/s** sustained over %d s with %d threads; "
                            + "%d booked, %d conflicts, %d invalid (warm-up included in the counts), %s. %,d sessions present. "
                            + "Goals ≥ 1,000/s, p95 ≤ 10 ms, or ≥ 25 %% of the raw INSERT rate measured in the same run: "
                            + "raw INSERT %.0f/s just before, so bookings ran at **%.0f %%** of it.",
                    result.perSecond(), duration.toSeconds(), threads,
                    outcomes[0].get(), outcomes[1].get(), outcomes[2].get(),
                    anyCase ? "for any intake (--cases=any)" : "for cases in hand", present, rawResult.perSecond(),
                    100 * result.perSecond() / rawResult.perSecond());
            System.out.println(rate);
            System.out.println(cpuLine);
            System.out.println(stats.line());
            System.out.println(rawStats.line());
            System.out.println(profile);
            var raceLines = new StringBuilder("\n| race | booked | conflicts | other | time to settle ms |\n|---:|---:|---:|---:|---:|\n");
            for (int race = 1; race <= races; race++) {
                raceLines.append(race(scheduling, admin, type, maxIntake, anyCase ? new long[0] : inHand, free.poll(),
                        race));
            }
            System.out.println(raceLines);
            PerformanceDoc.write("booking", options, Machine.describe(bench.postgresVersion()),
                    rate + "\n\n" + cpuLine + "\n\n" + Stats.header() + stats.row() + rawStats.row() + raceLines + profile);
        }
    }

    /** 50 staff book the same hour at the same moment, each for a different client. */
    /** Fifty cases in hand (or any intakes, with --cases=any) try for one hour at once. */
    private static String race(SchedulingService scheduling, StaffUser admin, long type, long maxIntake, long[] inHand,
                               Slot slot, int n) throws InterruptedException {
        int contenders = 50;
        var ready = new CountDownLatch(contenders);
        var go = new CountDownLatch(1);
        var booked = new AtomicInteger();
        var conflicts = new AtomicInteger();
        var other = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            long intake = inHand.length > 0 ? inHand[(int) ((i * 7919L) % inHand.length)] : 1 + (i * 7919L) % maxIntake;
            threads.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                try {
                    go.await();
                    BookingResult result = BenchContext.as(admin, () -> scheduling.book(new BookingRequest(intake, null,
                            slot.therapistId(), type, SessionFormat.ONLINE, null, slot.start(), null)));
                    (result instanceof BookingResult.Booked ? booked
                            : result instanceof BookingResult.Conflict ? conflicts : other).incrementAndGet();
                } catch (Exception e) {
                    other.incrementAndGet();
                }
            }));
        }
        ready.await();
        long t = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return String.format(Locale.ROOT, "| %d | %d | %d | %d | %.0f |%n", n, booked.get(), conflicts.get(), other.get(),
                (System.nanoTime() - t) / 1e6);
    }

    /**
     * Whole hours inside each day's weekly hours with nothing booked or held, 200–365 days ahead, shuffled across
     * therapists; not on closed days or days of time away (the app refuses those, and the bench times bookings).
     */
    static List<Slot> freeSlots(JdbcTemplate jdbc, int perTherapist) {
        LocalDate from = LocalDate.now(Application.PRACTICE_ZONE).plusDays(200);
        LocalDate to = from.plusDays(165);
        Instant fromInstant = from.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        Instant toInstant = to.atStartOfDay(Application.PRACTICE_ZONE).toInstant();
        List<Slot> slots = new ArrayList<>();
        var random = new Random(11);
        // a session's therapist is still with the practice (V182)
        List<Long> therapists = jdbc.queryForList("select id from staff_account where role = 'THERAPIST' and active "
                + "order by id", Long.class);
        // closed days and time away refuse a booking: the bench books free times, so it leaves those days out
        var closed = new java.util.HashSet<>(jdbc.queryForList("select day from closed_day where not open "
                + "and day between ? and ?", LocalDate.class, from, to));
        for (long therapist : therapists) {
            // the weekly hours, day by day: a session of at most an hour inside one of the day's windows
            Map<java.time.DayOfWeek, List<LocalTime[]>> week = new java.util.EnumMap<>(java.time.DayOfWeek.class);
            jdbc.query("select day_of_week, starts, ends from working_hours where therapist_id = ?", rs -> {
                week.computeIfAbsent(java.time.DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>()).add(
                        new LocalTime[] {rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()});
            }, therapist);
            if (week.isEmpty()) {
                continue; // no weekly hours set (a therapist added by hand): nothing to book
            }
            var away = new java.util.HashSet<LocalDate>();
            jdbc.query("select first_day, last_day from time_away where therapist_id = ? and last_day >= ? "
                    + "and first_day <= ?", rs -> {
                rs.getObject(1, LocalDate.class).datesUntil(rs.getObject(2, LocalDate.class).plusDays(1))
                        .forEach(away::add);
            }, therapist, from, to);
            // the diary's claims: sessions, and times held for offers (an earlier waiting-list run leaves some)
            List<Instant[]> busy = jdbc.query("select lower(during), upper(during) from diary_claim "
                            + "where therapist_id = ? and during && tstzrange(?, ?)",
                    (rs, row) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()},
                    therapist, java.sql.Timestamp.from(fromInstant), java.sql.Timestamp.from(toInstant));
            var busySet = new java.util.HashSet<Instant>();
            for (Instant[] b : busy) {
                for (Instant h = b[0].truncatedTo(java.time.temporal.ChronoUnit.HOURS); h.isBefore(b[1]);
                     h = h.plus(Duration.ofHours(1))) {
                    busySet.add(h);
                }
            }
            List<Slot> mine = new ArrayList<>();
            for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
                if (closed.contains(day) || away.contains(day)) {
                    continue;
                }
                for (LocalTime[] window : week.getOrDefault(day.getDayOfWeek(), List.of())) {
                    int end = window[1].toSecondOfDay() / 60;
                    for (int minute = (window[0].toSecondOfDay() / 60 + 59) / 60 * 60; minute + 60 <= end;
                         minute += 60) {
                        ZonedDateTime start = ZonedDateTime.of(day, LocalTime.ofSecondOfDay(minute * 60L),
                                Application.PRACTICE_ZONE);
                        if (!busySet.contains(start.toInstant())) {
                            mine.add(new Slot(therapist, start));
                        }
                    }
                }
            }
            Collections.shuffle(mine, random);
            slots.addAll(mine.subList(0, Math.min(perTherapist, mine.size())));
        }
        Collections.shuffle(slots, random);
        return slots;
    }
}
