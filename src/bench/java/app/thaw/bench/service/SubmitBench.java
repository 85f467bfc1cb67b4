package app.thaw.bench.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.Application;
import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Samples;
import app.thaw.bench.Stats;
import app.thaw.bench.data.IntakeAnswers;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.questionnaire.Answers;

/**
 * {@code -Dbench=submit}: clients sending forms through the real {@link IntakeService} — start a draft, save the
 * answers, submit (validation, scoring, risk flags, couple link, then the review case, factor suggestions, audit and
 * the confirmation email after commit). Each form comes from its own address in 198.18.0.0/15 (the benchmarking
 * range), as real clients do, so the per-address limit is neither hit nor loosened.
 */
public class SubmitBench implements BenchCommand {

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String description() {
        return "intake submissions/s through IntakeService [--threads=4 --duration=30s --warmup=5s]";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int threads = options.integer("threads", 4);
        Duration duration = options.duration("duration", Duration.ofSeconds(30));
        Duration warmup = options.duration("warmup", Duration.ofSeconds(5));
        try (BenchContext bench = BenchContext.start()) {
            IntakeService intake = bench.bean(IntakeService.class);
            var generator = new IntakeAnswers(intake.questionnaire(), LocalDate.now(Application.PRACTICE_ZONE));
            var random = new Random(99);
            Answers[] forms = new Answers[256];
            for (int i = 0; i < forms.length; i++) {
                boolean couples = i % 4 == 0;
                forms[i] = generator.answers(new IntakeAnswers.Profile(IntakeAnswers.randomName(random), couples,
                        couples || random.nextBoolean(), i % 50 == 0 ? IntakeAnswers.Risk.NOT_SAFE_NOW
                        : IntakeAnswers.Risk.NONE), 900_000_000L + i, random);
            }
            var addresses = new AtomicInteger(random.nextInt(1 << 16));
            var submitOnly = new Samples();
            var result = Measure.sustained(threads, warmup, duration, thread -> {
                int n = addresses.getAndIncrement() & ((1 << 17) - 1);
                String address = String.format(Locale.ROOT, "198.%d.%d.%d", 18 + (n >> 16), (n >> 8) & 255, n & 255);
                var draft = intake.startDraft(null, address).orElseThrow();
                intake.saveAnswers(draft.token(), forms[n % forms.length].asMap(), "consent");
                long t = System.nanoTime();
                SubmissionOutcome outcome = intake.submit(draft.token(), address, false);
                submitOnly.add(System.nanoTime() - t);
                return outcome instanceof SubmissionOutcome.Submitted;
            });
            Stats flow = result.latencies().stats("start draft + save answers + submit (" + threads + " threads)");
            Stats submit = submitOnly.stats("submit alone (incl. warm-up)");
            String rate = String.format(Locale.ROOT, "**%.0f submissions/s** sustained over %d s with %d threads "
                    + "(%d submitted, %d refused). Goal ≥ 100/s.", result.perSecond(), duration.toSeconds(), threads,
                    result.done(), result.failed());
            System.out.println(rate);
            System.out.println(flow.line());
            System.out.println(submit.line());
            PerformanceDoc.write("submit", options, Machine.describe(bench.postgresVersion()),
                    rate + "\n\n" + Stats.header() + flow.row() + submit.row());
        }
    }
}
