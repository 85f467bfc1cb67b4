package app.thaw.bench.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.domain.SecretToken;
import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Stats;
import app.thaw.bench.data.GenerateCommand;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffUser;
import app.thaw.waitlist.ClientOfferService;
import app.thaw.waitlist.OfferService;
import app.thaw.waitlist.OfferedTime;

/**
 * {@code -Dbench=waitlist}: with every generated intake on the waiting list, the practice manager offers held times
 * through the real {@link OfferService} (one free hour 200–365 days ahead per offer, so the diary's claims are checked
 * against the generated sessions), then the clients choose through {@link ClientOfferService} with their own offer
 * links, which books each session through scheduling's gates. Offers and sessions stay; each run finds fresh hours.
 */
public class WaitlistBench implements BenchCommand {

    @Override
    public String name() {
        return "waitlist";
    }

    @Override
    public String description() {
        return "offers made and chosen per second with every intake waitlisted [--threads=4 --duration=20s --jfr --pgss]";
    }

    private record Made(String token, long slotId) {
    }

    /** One choice's SQL statements (the choosing transaction and what follows its commit), as a folded list. */
    private static String listStatements(ClientOfferService clients, Made one) {
        long before = app.thaw.bench.StatementCounter.onThisThread();
        app.thaw.bench.StatementCounter.startRecording();
        boolean booked = clients.chooseByLink(one.token(), HeldSlotId.of(one.slotId())).booked();
        List<String> sql = app.thaw.bench.StatementCounter.stopRecording();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "<details><summary>SQL statements of one choice (%s): %d</summary>%n%n",
                booked ? "booked" : "refused", app.thaw.bench.StatementCounter.onThisThread() - before));
        for (int i = 0; i < sql.size(); i++) {
            String line = sql.get(i).replaceAll("\\s+", " ").strip();
            text.append(i + 1).append(". `").append(line.length() > 160 ? line.substring(0, 157) + "…" : line)
                    .append("`\n");
        }
        return text.append("</details>\n").toString();
    }

    /**
     * The generated cases carry the statuses of a practice's whole history (most are closed), but a case on a real
     * waiting list has been referred and waitlisted: its status is WAITING, and booking it moves it to SCHEDULED
     * without leaving the cases in hand. Tops the offered cases up to {@code wanted} such cases, from the closed ones,
     * with the care events that say so (reopened, referred, waitlisted), before anything is timed.
     */
    private static int readyCandidates(JdbcTemplate jdbc, int wanted) {
        long ready = jdbc.queryForObject("""
                select count(*) from waitlist_entry e join intake i on i.id = e.intake_id
                 where e.state = 'WAITING' and not i.urgent and i.couple_case_id is null and i.status = 'WAITING'
                   and not exists (select 1 from slot_offer o where o.entry_id = e.id)""", Long.class);
        if (ready >= wanted) {
            return 0;
        }
        jdbc.execute("create temporary table if not exists readied (intake_id bigint primary key)");
        jdbc.execute("truncate readied");
        jdbc.update("""
                insert into readied
                select e.intake_id from waitlist_entry e join intake i on i.id = e.intake_id
                 where e.state = 'WAITING' and not i.urgent and i.couple_case_id is null and i.status = 'CLOSED'
                   and not exists (select 1 from slot_offer o where o.entry_id = e.id)
                   and not exists (select 1 from care_event c where c.intake_id = i.id)
                 order by random() limit ?""", wanted - ready);
        jdbc.update("""
                insert into care_event (intake_id, kind, occurred_at, recorded_at, referral_kind)
                select r.intake_id, k.kind, now() - k.ago, now() - k.ago, k.referral
                  from readied r cross join (values ('CASE_REOPENED', interval '3 days', null),
                                                    ('REFERRED', interval '2 days', 'INDIVIDUAL'),
                                                    ('WAITLISTED', interval '2 days', null)) k (kind, ago, referral)
                 order by r.intake_id, k.ago desc""");
        return jdbc.update("update intake set status = 'WAITING', closed_at = null where id in (select intake_id from readied)");
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int threads = options.integer("threads", 4);
        Duration duration = options.duration("duration", Duration.ofSeconds(20));
        Duration warmup = options.duration("warmup", Duration.ofSeconds(3));
        try (BenchContext bench = BenchContext.start()) {
            JdbcTemplate jdbc = bench.jdbc();
            OfferService offers = bench.bean(OfferService.class);
            ClientOfferService clients = bench.bean(ClientOfferService.class);
            StaffUser admin = bench.staff(GenerateCommand.ADMIN);
            long t0 = System.nanoTime();
            int added = jdbc.update("""
                    insert into waitlist_entry (intake_id, service, urgent, added_at)
                    select id, 'INDIVIDUAL', urgent, submitted_at from intake on conflict (intake_id) do nothing""");
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            long waiting = jdbc.queryForObject("select count(*) from waitlist_entry where state = 'WAITING'",
                    Long.class);
            long readying = System.nanoTime();
            int candidates = options.integer("candidates", 30000);
            int readied = readyCandidates(jdbc, candidates);
            var cases = new ConcurrentLinkedQueue<>(jdbc.queryForList("""
                    select e.intake_id from waitlist_entry e join intake i on i.id = e.intake_id
                     where e.state = 'WAITING' and not i.urgent and i.couple_case_id is null and i.status = 'WAITING'
                       and not exists (select 1 from slot_offer o where o.entry_id = e.id)
                     order by random() limit ?""", Long.class, candidates));
            System.out.printf(Locale.ROOT, "%,d cases made waiting-list cases in %.1f s (not measured)%n", readied,
                    (System.nanoTime() - readying) / 1e9);
            var free = new ConcurrentLinkedQueue<>(BookingBench.freeSlots(jdbc, options.integer("per-therapist", 400)));
            System.out.printf(Locale.ROOT, "%,d waiting (%,d added in %.1f s), %,d candidates, %,d free hours%n",
                    waiting, added, fillSeconds, cases.size(), free.size());
            var made = new ConcurrentLinkedQueue<Made>();
            Measure.Step offer = thread -> {
                long intake = cases.remove();
                BookingBench.Slot slot = free.remove();
                app.thaw.waitlist.OfferMade offered;
                try {
                    offered = BenchContext.as(admin, () -> offers.offer(app.thaw.base.ids.IntakeId.of(intake), List.of(new OfferedTime(
                            slot.therapistId(), SessionFormat.ONLINE, null, slot.start(),
                            slot.start().plusMinutes(50))), null));
                } catch (app.thaw.waitlist.OfferRefused refused) {
                    // an hour the bench picked inside the therapist's time away or off their working days
                    return false;
                }
                // the client's link, as the email would carry it (the service keeps only its hash)
                String token = SecretToken.generate();
                jdbc.update("insert into offer_link (offer_id, intake_id, token_hash) values (?, ?, ?)",
                        offered.offerId(), intake, SecretToken.hash(token));
                made.add(new Made(token, jdbc.queryForObject("select slot_id from slot_offer_time where offer_id = ?",
                        Long.class, offered.offerId())));
                return true;
            };
            Measure.sustained(threads, Duration.ZERO, warmup, offer);
            made.clear();
            var offered = Measure.sustained(threads, Duration.ZERO, duration, offer);
            var outcomes = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()};
            int toChoose = made.size();
            // every offer made above is chosen once, by as many clients at a time as there were staff threads
            var chooseSamples = new app.thaw.bench.Samples();
            List<Thread> workers = new ArrayList<>();
            // one choice first, alone, to list its SQL statements (it is not counted in the figures below)
            String statements = listStatements(clients, made.remove());
            toChoose = made.size();
            JfrSummary jfr = options.flag("jfr") ? JfrSummary.start("waitlist") : null;
            PgStatements pgss = options.flag("pgss") ? PgStatements.start(jdbc) : null;
            CpuTime cpuBefore = CpuTime.now();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    for (Made one = made.poll(); one != null; one = made.poll()) {
                        long t1 = System.nanoTime();
                        boolean booked = clients.chooseByLink(one.token(), HeldSlotId.of(one.slotId())).booked();
                        long took = System.nanoTime() - t1;
                        synchronized (chooseSamples) {
                            chooseSamples.add(took);
                        }
                        outcomes[booked ? 0 : 1].incrementAndGet();
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double chooseSeconds = (System.nanoTime() - started) / 1e9;
            CpuTime cpu = CpuTime.now().since(cpuBefore);
            String profile = jfr == null ? "" : "\n\n" + jfr.stopAndSummarise(25);
            if (pgss != null) {
                profile += "\n\n" + pgss.summarise(Math.max(1, toChoose), 30);
            }
            int attempts = Math.max(1, toChoose);
            String cpuLine = String.format(Locale.ROOT, "CPU per choice: JVM %.2f ms, PostgreSQL %.2f ms — %.2f ms in "
                            + "all, i.e. at most ~%.0f choices/s on 2 idle cores.",
                    cpu.jvmSeconds() * 1000 / attempts, cpu.postgresSeconds() * 1000 / attempts,
                    (cpu.jvmSeconds() + cpu.postgresSeconds()) * 1000 / attempts,
                    2 * attempts / (cpu.jvmSeconds() + cpu.postgresSeconds()));
            var chosen = new Object() {
                double perSecond() {
                    return outcomes[0].get() / chooseSeconds;
                }
            };
            Stats offerStats = offered.latencies().stats("offer one held time (" + threads + " threads)");
            Stats chooseStats = chooseSamples.stats("client chooses it, session booked (" + threads
                    + " threads)");
            String text = String.format(Locale.ROOT, "%,d cases on the waiting list (%,d added by one insert in "
                            + "%.1f s). **%.0f offers/s** made over %d s (%,d offers, each holding one time), "
                            + "**%.0f choices/s** booked (%,d booked, %,d refused, of %,d offered; %,d offers refused: hours "
                            + "the bench picked in time away). Goal ≥ 200/s each.",
                    waiting, added, fillSeconds, offered.perSecond(), duration.toSeconds(), offered.done(),
                    chosen.perSecond(), outcomes[0].get(), outcomes[1].get(), toChoose, offered.failed());
            System.out.println(text);
            System.out.println(offerStats.line());
            System.out.println(chooseStats.line());
            System.out.println(cpuLine);
            System.out.println(statements);
            System.out.println(profile);
            PerformanceDoc.write("waitlist", options, Machine.describe(bench.postgresVersion()),
                    text + "\n\n" + cpuLine + "\n\n" + Stats.header() + offerStats.row() + chooseStats.row()
                            + "\n" + statements + profile);
        }
    }
}
