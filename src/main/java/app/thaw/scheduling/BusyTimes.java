package app.thaw.scheduling;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A diary's busy times, sorted once so each candidate slot is checked in O(log n) instead of against every session:
 * a full diary over three months holds a thousand sessions and is asked about thousands of candidate times.
 */
final class BusyTimes {

    private final long[] starts;
    /** The latest end among the sessions up to each position (sessions of one diary may overlap when cancelled). */
    private final long[] latestEnd;

    private BusyTimes(long[] starts, long[] latestEnd) {
        this.starts = starts;
        this.latestEnd = latestEnd;
    }

    static BusyTimes of(List<SlotFinder.Busy> busy) {
        SlotFinder.Busy[] sorted = busy.toArray(SlotFinder.Busy[]::new);
        Arrays.sort(sorted, Comparator.comparing(SlotFinder.Busy::starts));
        long[] starts = new long[sorted.length];
        long[] latestEnd = new long[sorted.length];
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = sorted[i].starts().toEpochMilli();
            latest = Math.max(latest, sorted[i].ends().toEpochMilli());
            latestEnd[i] = latest;
        }
        return new BusyTimes(starts, latestEnd);
    }

    /** Whether any busy time starts before {@code to} and ends after {@code from}. */
    boolean overlaps(Instant from, Instant to) {
        int before = firstStartingAtOrAfter(to.toEpochMilli());
        return before > 0 && latestEnd[before - 1] > from.toEpochMilli();
    }

    private int firstStartingAtOrAfter(long instant) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < instant) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
