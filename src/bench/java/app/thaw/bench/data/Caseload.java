package app.thaw.bench.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/** A therapist's clients in order of arrival; a session goes to someone who arrived in the months before it, case open. */
final class Caseload implements DiaryPlanner.Caseload {
    private static final int DAY = 24 * 60;
    /** Draws before an hour is left free: most of the older caseload is closed by the time of a later session. */
    private static final int TRIES = 8;
    private final CaseWriter.Ledger ledger;
    private final Instant start;
    private final int[][] clients;

    Caseload(CaseWriter.Ledger ledger, int intakes, Instant start) {
        this.ledger = ledger;
        this.start = start;
        int therapists = 0;
        for (int id = 1; id <= intakes; id++) {
            therapists = Math.max(therapists, ledger.therapist[id]);
        }
        int[] sizes = new int[therapists + 1];
        for (int id = 1; id <= intakes; id++) {
            if (ledger.client[id]) {
                sizes[ledger.therapist[id]]++;
            }
        }
        clients = new int[therapists + 1][];
        for (int t = 0; t <= therapists; t++) {
            clients[t] = new int[sizes[t]];
        }
        int[] filled = new int[therapists + 1];
        for (int id = 1; id <= intakes; id++) {
            if (ledger.client[id]) {
                int t = ledger.therapist[id];
                clients[t][filled[t]++] = id;
            }
        }
    }

    /**
     * Someone who arrived between 300 and 3 days before (or the latest before that) and whose case is still open a
     * day after, with their partner if the partner's intake had arrived by then too and their case is open as well;
     * nobody when a few tries find no such client (the hour stays free).
     */
    @Override
    public DiaryPlanner.@Nullable Client pick(int therapistIndex, Instant at, Random random) {
        int t = therapistIndex + 1;
        int[] list = t < clients.length ? clients[t] : new int[0];
        int minute = (int) Duration.between(start, at).toMinutes();
        int settled = minute - 3 * DAY;
        int from = firstAtOrAfter(list, minute - 300 * DAY);
        int to = firstAtOrAfter(list, settled);
        for (int attempt = 0; attempt < TRIES && to > 0; attempt++) {
            int id = to > from ? list[from + random.nextInt(to - from)] : list[to - 1];
            if (openAfter(id, minute)) {
                int partner = ledger.partner[id];
                boolean couple = partner != 0 && ledger.submittedMinute[partner] <= settled && openAfter(partner, minute);
                int known = couple ? Math.max(ledger.submittedMinute[id], ledger.submittedMinute[partner])
                        : ledger.submittedMinute[id];
                // an hour for the intake to be read before anything is booked
                return new DiaryPlanner.Client(id, couple ? (long) partner : null,
                        start.plus(Duration.ofMinutes(known + 60L)));
            }
        }
        return null;
    }

    /** No session in the last day before a case closed, nor after. */
    private boolean openAfter(int intakeId, int minute) {
        return ledger.closedMinute[intakeId] - DAY > minute;
    }

    /** The client's own level: their intake's PHQ-9 (the first measure of their course). */
    int intakePhq9(long intakeId) {
        return ledger.intakePhq9[(int) intakeId];
    }

    /** Minutes from the generator's first day to {@code at}. */
    int minute(Instant at) {
        return (int) Duration.between(start, at).toMinutes();
    }

    /** Whole days from the client's intake to {@code at}. */
    int daysInCare(long intakeId, Instant at) {
        return (int) (Duration.between(start, at).toMinutes() - ledger.submittedMinute[(int) intakeId]) / (24 * 60);
    }

    private int firstAtOrAfter(int[] list, int minute) {
        int lo = 0;
        int hi = list.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ledger.submittedMinute[list[mid]] < minute) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
