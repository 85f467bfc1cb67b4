package app.thaw.bench.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Samples;
import app.thaw.bench.Stats;
import app.thaw.bench.data.GenerateCommand;
import app.thaw.retention.RetentionPolicy;
import app.thaw.retention.RetentionRun;
import app.thaw.retention.RetentionService;
import app.thaw.review.QueueFilter;
import app.thaw.review.QueueSort;
import app.thaw.review.ReviewQueueService;
import app.thaw.security.StaffUser;
import app.thaw.security.SystemActor;

/**
 * {@code -Dbench=retention}: the nightly retention run over the bench data, through the real
 * {@link RetentionService}, with "now" set so that about {@code --clients} records are due, while a therapist keeps
 * reading the queue's first page; the queue's latency before and during the run shows whether it blocks anyone.
 * It really anonymises those clients: run it last, or on a copy of the bench data.
 */
public class RetentionBench implements BenchCommand {

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public String description() {
        return "retention run anonymising N due clients while the queue is read [--clients=20000 --baseline=20s]";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int clients = options.integer("clients", 20_000);
        long baselineMillis = options.duration("baseline", java.time.Duration.ofSeconds(20)).toMillis();
        try (BenchContext bench = BenchContext.start()) {
            RetentionService retention = bench.bean(RetentionService.class);
            ReviewQueueService queue = bench.bean(ReviewQueueService.class);
            StaffUser therapist = bench.staff(options.string("as", GenerateCommand.therapist(2)));
            RetentionPolicy policy = SystemActor.call(() -> retention.settings().policy());
            long before = count(bench, "select count(*) from client_erasure");
            Instant now = nowWithDue(bench, policy, clients);

            var reading = new AtomicBoolean(true);
            var baseline = new Samples();
            var during = new Samples();
            var current = new java.util.concurrent.atomic.AtomicReference<>(baseline);
            Thread reader = Thread.ofPlatform().name("queue-reader").start(() -> {
                while (reading.get()) {
                    long t = System.nanoTime();
                    BenchContext.as(therapist, () -> queue.queue(QueueFilter.open(), QueueSort.DEFAULT, null, 50));
                    current.get().add(System.nanoTime() - t);
                    sleep(20);
                }
            });
            Thread.sleep(baselineMillis);
            current.set(during);
            long started = System.nanoTime();
            RetentionRun run = SystemActor.call(() -> retention.runRetention(now));
            double seconds = (System.nanoTime() - started) / 1e9;
            reading.set(false);
            reader.join();
            long erased = count(bench, "select count(*) from client_erasure") - before;

            Stats quiet = baseline.stats("queue first page, before the run — service");
            Stats busy = during.stats("queue first page, during the run — service");
            System.out.println(quiet.line());
            System.out.println(busy.line());
            double perSecond = run.anonymised() / seconds;
            String body = String.format(Locale.ROOT, """
                    %,d intakes; "now" set to %s so that about %,d records were due (policy: %d years after closure \
                    for clients, %d months for non-clients). The run anonymised **%,d clients in %.1f s \
                    (%.0f a second)** in transactions of a few hundred, skipped %,d under legal hold; %,d rows were added to \
                    `client_erasure`. At that rate 1,000,000 due clients take %.0f minutes.

                    A therapist read the queue's first page every 20 ms for %d s before the run and throughout it:

                    """, count(bench, "select count(*) from intake"), now, clients, policy.clinicalYears(),
                    policy.nonClientMonths(), run.anonymised(), seconds, perSecond, run.skippedForHold(),
                    erased, perSecond == 0 ? Double.NaN : 1_000_000 / perSecond / 60, baselineMillis / 1000)
                    + Stats.header() + quiet.row() + busy.row();
            PerformanceDoc.write("retention", options, Machine.describe(bench.postgresVersion()), body);
        }
    }

    /** The instant at which about {@code clients} not yet erased records are due under the policy. */
    private static Instant nowWithDue(BenchContext bench, RetentionPolicy policy, int clients) {
        Timestamp at = bench.jdbc().queryForObject("""
                select due from (
                  select case when exists (select 1 from appointment a where a.intake_id = i.id)
                                or exists (select 1 from appointment a where a.partner_intake_id = i.id)
                              then case when i.status = 'CLOSED' then i.closed_at + make_interval(years => ?) end
                              else coalesce(i.closed_at, i.submitted_at) + make_interval(months => ?)
                         end as due
                    from intake i
                   where not exists (select 1 from client_erasure e where e.intake_id = i.id)) d
                 where due is not null
                 order by due offset ? limit 1""", Timestamp.class, policy.clinicalYears(), policy.nonClientMonths(),
                Math.max(0, clients - 1));
        return at == null ? Instant.now() : at.toInstant();
    }

    private static long count(BenchContext bench, String sql) {
        Long n = bench.jdbc().queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
