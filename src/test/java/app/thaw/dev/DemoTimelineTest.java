package app.thaw.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DemoTimelineTest {

    private final DemoClock clock = new DemoClock(Clock.fixed(Instant.parse("2026-12-06T21:00:00Z"),
            ZoneId.of("Europe/London")));

    @Test
    void stepsRunEarliestFirstEachAtItsMomentAndThoseOfOneMomentInTheOrderGiven() {
        var timeline = new DemoTimeline();
        List<String> ran = new ArrayList<>();
        Instant review = Instant.parse("2026-11-23T11:06:00Z");
        Instant form = Instant.parse("2026-11-21T11:06:00Z");
        timeline.at(review, () -> ran.add("review " + clock.instant().getEpochSecond() / 60));
        timeline.at(form, () -> ran.add("form " + clock.instant().getEpochSecond() / 60));
        timeline.at(review, () -> ran.add("waiting list"));

        timeline.run();

        assertThat(ran).containsExactly("form " + form.getEpochSecond() / 60, "review " + review.getEpochSecond() / 60,
                "waiting list");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-06T21:00:00Z"));
    }
}
