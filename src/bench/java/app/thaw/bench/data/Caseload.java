package app.thaw.bench.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** A therapist's clients in order of arrival; a session goes to someone who arrived in the months before it. */
final class Caseload implements DiaryPlanner.Caseload {
    private final CaseWriter.Ledger ledger;
    private final int intakes;
    private final Instant start;
    private final int[][] clients;

    Caseload(CaseWriter.Ledger ledger, int intakes, Instant start) {
        this.ledger = ledger;
        this.intakes = intakes;
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

    @Override
    public DiaryPlanner.Client pick(int therapistIndex, Instant at, Random random) {
        int t = therapistIndex + 1;
        int[] list = t < clients.length ? clients[t] : new int[0];
        int id;
        if (list.length == 0) {
            id = 1 + random.nextInt(intakes);
        } else {
            int minute = (int) Duration.between(start, at).toMinutes();
            int from = firstAtOrAfter(list, minute - 300 * 24 * 60);
            int to = firstAtOrAfter(list, minute - 3 * 24 * 60);
            id = to > from ? list[from + random.nextInt(to - from)] : list[Math.clamp(to - 1L, 0, list.length - 1)];
        }
        int partner = ledger.partner[id];
        return new DiaryPlanner.Client(id, partner == 0 ? null : (long) partner);
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
