package app.thaw.dev;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The practice's clock, except while the demo data lives through its past days: then, on that one thread alone, the
 * services stamp their records and history with the day being replayed (time still runs on from it), so the demo's
 * cases read as if the practice had worked them then. Every other thread, and this one outside a replay, reads the
 * real time.
 */
public final class DemoClock extends Clock {

    private record Replay(Instant from, long startedNanos) {
        Instant now() {
            return from.plusNanos(System.nanoTime() - startedNanos);
        }
    }

    private static final ThreadLocal<@Nullable Replay> REPLAY = new ThreadLocal<>();

    private final Clock real;

    public DemoClock(Clock real) {
        this.real = real;
    }

    /** Runs the work with this thread's time starting at {@code past}; the time before is restored afterwards. */
    public static <T> T at(Instant past, Supplier<T> work) {
        Replay previous = REPLAY.get();
        REPLAY.set(new Replay(past, System.nanoTime()));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                REPLAY.remove();
            } else {
                REPLAY.set(previous);
            }
        }
    }

    public static void at(Instant past, Runnable work) {
        at(past, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public Instant instant() {
        Replay replay = REPLAY.get();
        return replay == null ? real.instant() : replay.now();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(real.getZone()) ? this : new DemoClock(real.withZone(zone));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof DemoClock demo && demo.real.equals(real);
    }

    @Override
    public int hashCode() {
        return real.hashCode();
    }

    @Override
    public String toString() {
        return "DemoClock[" + real + "]";
    }
}
