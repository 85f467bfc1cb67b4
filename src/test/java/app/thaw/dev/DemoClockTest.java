package app.thaw.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class DemoClockTest {

    private static final Instant NOW = Instant.parse("2026-12-06T21:00:00Z");
    private static final Instant PAST = Instant.parse("2026-11-20T09:30:00Z");
    private final DemoClock clock = new DemoClock(Clock.fixed(NOW, ZoneId.of("Europe/London")));

    @Test
    void readsTheRealTimeOutsideAReplay() {
        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void aReplayStartsAtThePastMomentAndRunsOnFromIt() {
        Instant read = DemoClock.at(PAST, () -> clock.instant());
        assertThat(read).isBetween(PAST, PAST.plusSeconds(5));
        assertThat(DemoClock.at(PAST, () -> clock.withZone(ZoneId.of("UTC")).instant())).isBetween(PAST,
                PAST.plusSeconds(5));
        assertThat(clock.instant()).as("restored afterwards").isEqualTo(NOW);
    }

    @Test
    void onlyTheReplayingThreadSeesThePastAndANestedReplayRestoresTheOuterOne() throws Exception {
        Instant earlier = PAST.minusSeconds(86_400);
        DemoClock.at(PAST, () -> {
            Instant elsewhere = CompletableFuture.supplyAsync(clock::instant).join();
            assertThat(elsewhere).as("another thread").isEqualTo(NOW);
            assertThat(DemoClock.at(earlier, () -> clock.instant())).isBetween(earlier, earlier.plusSeconds(5));
            assertThat(clock.instant()).as("the outer replay again").isBetween(PAST, PAST.plusSeconds(5));
        });
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void aReplayEndsEvenWhenItsWorkFails() {
        try {
            DemoClock.at(PAST, () -> {
                throw new IllegalStateException("refused");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("refused");
        }
        assertThat(clock.instant()).isEqualTo(NOW);
    }
}
