package app.thaw.outcomes.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The waits (days from form to first session) of one month's finished courses of a therapist and service, as packed in
 * {@code outcome_summary.waits}: (days: 2 bytes, courses: 4 bytes) pairs, big-endian, in order of days. The report
 * merges the months of each period in memory, so it reads one small value per summary row.
 */
public final class Waits {

    /** One bucket per day waited, 0 to {@link EpisodeStore#WAIT_DAYS_KEPT} (longer waits share the last). */
    public static final int BUCKETS = EpisodeStore.WAIT_DAYS_KEPT + 1;

    private static final int PAIR = 6;
    private static final Waits NONE = new Waits(new byte[0]);

    private final byte[] packed;

    private Waits(byte[] packed) {
        this.packed = packed;
    }

    /** Reads the packed pairs as stored (a copy, so the row owns its bytes). */
    public static Waits packed(byte @Nullable [] bytes) {
        return bytes == null || bytes.length < PAIR ? NONE : new Waits(bytes.clone());
    }

    /** Waits given as days and courses pairs, in order of days: for tests and for callers building a row. */
    public static Waits of(int... daysAndCourses) {
        var bytes = new byte[daysAndCourses.length / 2 * PAIR];
        for (int i = 0; i + 1 < daysAndCourses.length; i += 2) {
            int at = i / 2 * PAIR;
            int days = daysAndCourses[i];
            int courses = daysAndCourses[i + 1];
            bytes[at] = (byte) (days >>> 8);
            bytes[at + 1] = (byte) days;
            bytes[at + 2] = (byte) (courses >>> 24);
            bytes[at + 3] = (byte) (courses >>> 16);
            bytes[at + 4] = (byte) (courses >>> 8);
            bytes[at + 5] = (byte) courses;
        }
        return packed(bytes);
    }

    /** Finished courses with a wait recorded. */
    public int courses() {
        int total = 0;
        for (int at = 0; at + PAIR <= packed.length; at += PAIR) {
            total += courses(at);
        }
        return total;
    }

    /**
     * The lower median wait of the courses in {@code parts} together (the wait of course ⌊(n + 1) / 2⌋ in order of
     * wait, as the SQL {@code percentile_disc(0.5)}), or null when none has a wait. {@code scratch} is
     * {@link #BUCKETS} zeros, handed back as zeros, so one array serves every group of a report.
     */
    public static @Nullable Integer lowerMedian(List<Waits> parts, int[] scratch) {
        if (parts.size() == 1) {
            return parts.getFirst().lowerMedian();
        }
        int total = 0;
        for (Waits part : parts) {
            for (int at = 0; at + PAIR <= part.packed.length; at += PAIR) {
                int courses = part.courses(at);
                scratch[part.days(at)] += courses;
                total += courses;
            }
        }
        if (total == 0) {
            return null;
        }
        int half = (total + 1) / 2;
        int seen = 0;
        Integer median = null;
        for (int days = 0; days < BUCKETS; days++) {
            seen += scratch[days];
            if (median == null && seen >= half) {
                median = days;
            }
            scratch[days] = 0;
        }
        return median;
    }

    /** The lower median of this month's waits alone: the pairs are already in order of days. */
    private @Nullable Integer lowerMedian() {
        int half = (courses() + 1) / 2;
        int seen = 0;
        for (int at = 0; at + PAIR <= packed.length; at += PAIR) {
            seen += courses(at);
            if (seen >= half && seen > 0) {
                return days(at);
            }
        }
        return null;
    }

    private int days(int at) {
        return Math.min(((packed[at] & 0xff) << 8) | (packed[at + 1] & 0xff), BUCKETS - 1);
    }

    private int courses(int at) {
        return ((packed[at + 2] & 0xff) << 24) | ((packed[at + 3] & 0xff) << 16) | ((packed[at + 4] & 0xff) << 8)
                | (packed[at + 5] & 0xff);
    }
}
