package app.thaw.dev;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo's steps, each at its moment, run in time order: the practice's log then lists them in the order they
 * happened, as a real practice's would. Each step runs with the clock at its moment (DemoClock).
 */
final class DemoTimeline {

    private record Step(Instant at, int order, Runnable work) {
    }

    private final List<Step> steps = new ArrayList<>();

    void at(Instant at, Runnable work) {
        steps.add(new Step(at, steps.size(), work));
    }

    /** Every step, earliest first (those at one moment in the order given). */
    void run() {
        steps.stream().sorted(Comparator.comparing(Step::at).thenComparingInt(Step::order))
                .forEach(step -> DemoClock.at(step.at(), step.work()));
    }
}
