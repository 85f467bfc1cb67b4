package app.thaw.bench.service;

import java.util.List;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Stats;
import app.thaw.bench.data.GenerateCommand;
import app.thaw.scheduling.FreeSlotService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffUser;

/**
 * {@code -Dbench=slots}: the booking dialog's free-slot finder through the real {@link FreeSlotService}, for
 * therapist001, whose next five weeks the generator booked solid — so the finder reads and walks the whole window.
 */
public class FreeSlotBench implements BenchCommand {

    @Override
    public String name() {
        return "slots";
    }

    @Override
    public String description() {
        return "free-slot finder for a therapist with a full diary [--iterations=100]";
    }

    private record Scenario(String name, SessionFormat format, int days) {
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int iterations = options.integer("iterations", 100);
        int warmup = options.integer("warmup", 20);
        try (BenchContext bench = BenchContext.start()) {
            FreeSlotService slots = bench.bean(FreeSlotService.class);
            StaffUser therapist = bench.staff(GenerateCommand.therapist(1));
            long intakeId = bench.jdbc().queryForObject("select intake_id from review_case where assigned_therapist_id = ? "
                    + "order by intake_id desc limit 1", Long.class, therapist.id());
            long individual = bench.jdbc().queryForObject("select id from appointment_type where code = 'INDIVIDUAL'",
                    Long.class);
            long sessions = bench.jdbc().queryForObject("select count(*) from appointment where therapist_id = ? "
                    + "and state <> 'CANCELLED' and starts_at > now()", Long.class, therapist.id());
            var table = new StringBuilder(Stats.header());
            for (Scenario scenario : List.of(new Scenario("online, next 28 days (the booking dialog)", SessionFormat.ONLINE, 28),
                    new Scenario("in person, next 28 days", SessionFormat.IN_PERSON, 28),
                    new Scenario("online, next 92 days (the longest search)", SessionFormat.ONLINE, 92))) {
                int[] found = new int[1];
                var samples = Measure.repeat(warmup, iterations, () -> found[0] = BenchContext.as(therapist,
                        () -> slots.find(app.thaw.base.ids.IntakeId.of(intakeId), null,
                                app.thaw.base.ids.StaffId.of(therapist.id()), app.thaw.base.ids.SessionTypeId.of(individual),
                                scenario.format(), null,
                                scenario.days(), 12)).size());
                Stats stats = samples.stats(scenario.name() + " (" + found[0] + " found)");
                System.out.println(stats.line());
                table.append(stats.row());
            }
            PerformanceDoc.write("slots", options, Machine.describe(bench.postgresVersion()),
                    "Goal: p95 ≤ 50 ms. Therapist `" + therapist.username() + "`: " + sessions
                            + " sessions ahead, the next five weeks booked solid; 12 suggestions wanted.\n\n" + table);
        }
    }
}
