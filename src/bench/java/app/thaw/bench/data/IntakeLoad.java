package app.thaw.bench.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import app.thaw.bench.BenchContext;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.review.factors.FactorRuleSet;

/**
 * The intakes with their couples, review cases, suggestions, notes, referrals and audit lines: chunks of 10,000
 * intakes made on a few threads, each with its own id ranges, time slice and seed, and sent over parallel COPY
 * connections while the next are made. A resumed run makes every chunk again (for the diary's ledger) and sends only
 * those not in the database.
 */
final class IntakeLoad {

    private IntakeLoad() {
    }

    static GenerateReport.CaseCounts load(BenchContext bench, GenerateRun run, QuestionnaireDefinition definition,
                                          FactorRuleSet rules, ScoredIntake.Source scoring, boolean sharedCiphertexts,
                                          Instant start, long[] therapistIds, CaseWriter.Ledger ledger, int workers,
                                          boolean resuming, boolean triggersOff) throws Exception {
        int intakes = run.intakes();
        int chunkSize = run.chunkSize();
        Instant now = run.now();
        Duration span = Duration.between(start, now);
        var copy = new ParallelCopy(bench, workers, triggersOff);
        int chunks = (intakes + chunkSize - 1) / chunkSize;
        int[] urgent = new int[chunks];
        int[] couples = new int[chunks];
        var generators = Executors.newFixedThreadPool(workers);
        var inFlight = new Semaphore(2 * workers);
        List<Future<?>> generated = new ArrayList<>();
        var done = new AtomicInteger();
        var skipped = new AtomicInteger();
        long started = System.nanoTime();
        for (int c = 0; c < chunks; c++) {
            int chunkIndex = c;
            int first = c * chunkSize + 1;
            int size = Math.min(chunkSize, intakes - c * chunkSize);
            inFlight.acquire();
            generated.add(generators.submit(() -> {
                var writer = new CaseWriter(definition, rules, scoring, sharedCiphertexts, start, now, therapistIds,
                        ledger, first, first);
                var chunkRandom = new Random(run.seed() * 31 + chunkIndex);
                Chunk chunk = new Chunk();
                while (writer.written() < size) {
                    double position = (first - 1 + writer.written() + chunkRandom.nextDouble()) / intakes;
                    Instant at = start.plus(Duration.ofSeconds((long) (span.toSeconds() * position)));
                    writer.write(chunk, at, size - writer.written(), chunkRandom);
                }
                urgent[chunkIndex] = writer.urgent;
                couples[chunkIndex] = writer.linkedCouples;
                if (resuming && GenerateRun.loaded(bench.jdbc(), "intake", first)) {
                    skipped.incrementAndGet();
                    inFlight.release();
                } else {
                    copy.send(chunk, inFlight::release);
                }
                int finished = done.incrementAndGet();
                if (finished % 10 == 0 || finished == chunks) {
                    GenerateCommand.progress("intakes generated", Math.min(intakes, finished * (long) chunkSize),
                            intakes, started);
                    System.out.println("    " + copy.report());
                }
                return null;
            }));
        }
        for (var future : generated) {
            future.get();
        }
        generators.shutdown();
        copy.finish();
        System.out.println("  intakes loaded: " + copy.report() + (resuming ? "; " + skipped.get()
                + " chunks were in the database already" : ""));
        return new GenerateReport.CaseCounts(Arrays.stream(urgent).sum(), Arrays.stream(couples).sum(), intakes);
    }
}
