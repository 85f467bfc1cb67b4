package app.thaw.bench.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

import app.thaw.care.CareEventKind;
import app.thaw.care.CourseOfCare;
import app.thaw.care.TherapyOutcome;
import app.thaw.intake.IntakeStatus;

/**
 * Each client's course of therapy as the app keeps it in {@code outcome_episode}, followed through the generated
 * diary in time order, one client's sessions after another's as the planner lays them out (OutcomeEpisodes and
 * EpisodeStore in the app):
 * <ul>
 *   <li>a course opens with the client's first attended session (TherapyStarted; both partners' in a couples session),
 *   started then, referred when the intake arrived, couples work when the intake asked for it, with the case's
 *   therapist; its first measure is the latest PHQ-9/GAD-7 pair answered by then (the intake's own: a first session
 *   asks nothing the intake measured);</li>
 *   <li>each pair answered while it is open becomes its last and counts as a paired set;</li>
 *   <li>a closed case ended therapy first (the app refuses to close a case in therapy), at its closing: the course ends
 *   then, with an outcome, a finished treatment after two attended treatment sessions ({@link CourseOfCare}); a case
 *   still open keeps its course open.</li>
 * </ul>
 * A client with no attended session has no course. Arrays by intake id, like the ledger.
 */
final class Courses {

    /** One course as outcome_episode keeps it. */
    record Episode(long intakeId, String serviceType, Long therapistId, Instant referredAt, Instant startedAt,
                   Instant endedAt, TherapyOutcome outcome, boolean finished, Integer firstPhq9, Integer firstGad7,
                   Integer lastPhq9, Integer lastGad7, int pairedSets) {
    }

    private static final int NOT_STARTED = Integer.MAX_VALUE;

    private final CaseWriter.Ledger ledger;
    private final int intakes;
    private final Instant start;
    private final Instant now;
    private final long[] therapistIds;
    private final int[] startedMinute;
    private final short[] attended;
    private final short[] treatment;
    private final short[] pairedSets;
    private final short[] toCome;
    /** Before the course starts, the latest pair answered (the intake's to begin with); after, the course's first. */
    private final byte[] firstPhq9;
    private final byte[] firstGad7;
    private final byte[] lastPhq9;
    private final byte[] lastGad7;

    Courses(CaseWriter.Ledger ledger, int intakes, Instant start, Instant now, long[] therapistIds) {
        this.ledger = ledger;
        this.intakes = intakes;
        this.start = start;
        this.now = now;
        this.therapistIds = therapistIds;
        startedMinute = new int[intakes + 1];
        Arrays.fill(startedMinute, NOT_STARTED);
        attended = new short[intakes + 1];
        treatment = new short[intakes + 1];
        pairedSets = new short[intakes + 1];
        toCome = new short[intakes + 1];
        firstPhq9 = Arrays.copyOf(ledger.intakePhq9, intakes + 1);
        firstGad7 = Arrays.copyOf(ledger.intakeGad7, intakes + 1);
        lastPhq9 = new byte[intakes + 1];
        lastGad7 = new byte[intakes + 1];
    }

    /**
     * Whether the client had attended a session starting before {@code minute}. The app asks a session's measures a day
     * before it (MeasureLinks), leaving out what the intake measured while no attended session is on record
     * (DueMeasures): every session until a day after the first attended one is asked as a first session.
     */
    boolean startedBefore(long intakeId, int minute) {
        return startedMinute[(int) intakeId] < minute;
    }

    /** A PHQ-9/GAD-7 pair the client answered, before a session of theirs that is yet to be marked attended. */
    void answered(long intakeId, int phq9, int gad7) {
        int id = (int) intakeId;
        if (startedMinute[id] == NOT_STARTED) {
            firstPhq9[id] = (byte) phq9;
            firstGad7[id] = (byte) gad7;
            return;
        }
        if (firstPhq9[id] < 0) {
            firstPhq9[id] = (byte) phq9;
            firstGad7[id] = (byte) gad7;
        }
        lastPhq9[id] = (byte) phq9;
        lastGad7[id] = (byte) gad7;
        pairedSets[id]++;
    }

    /** The client attended a session starting at {@code minute} (since the generator's first day). */
    void attended(long intakeId, int minute, boolean treatmentSession) {
        int id = (int) intakeId;
        if (startedMinute[id] == NOT_STARTED) {
            startedMinute[id] = minute;
            lastPhq9[id] = firstPhq9[id];
            lastGad7[id] = firstGad7[id];
            pairedSets[id] = (short) (firstPhq9[id] < 0 ? 0 : 1);
        }
        attended[id]++;
        treatment[id] += (short) (treatmentSession ? 1 : 0);
    }

    /** A session of the client's still to come (booked, not yet held). */
    void booked(long intakeId) {
        toCome[(int) intakeId]++;
    }

    int intakes() {
        return intakes;
    }

    /**
     * The status the case's events fold to (CaseLifecycle): closed stays closed (therapy ended first), a client who
     * attended a session is in therapy, one with a session still to come scheduled; a case the generator called
     * scheduled that the diary gave no session to come nor attended is still referred (its referral was decided). The
     * diary only gives sessions to scheduled and closed cases, so every other status stands as written.
     */
    IntakeStatus status(int id) {
        IntakeStatus written = STATUSES[ledger.status[id]];
        if (written == IntakeStatus.CLOSED) {
            return written;
        }
        if (startedMinute[id] != NOT_STARTED) {
            return IntakeStatus.IN_THERAPY;
        }
        if (toCome[id] > 0) {
            return IntakeStatus.SCHEDULED;
        }
        return written == IntakeStatus.SCHEDULED ? IntakeStatus.REFERRED : written;
    }

    /** Whether the diary changed the status the intake was written with ({@link #status}). */
    boolean statusChanged(int id) {
        return status(id).ordinal() != ledger.status[id];
    }

    /**
     * A closed case's last events (CareActions): the therapist ended therapy with its outcome if it had started (the
     * app refuses to close a case in therapy), then closed the case, both at its closing.
     */
    void closing(int id, CopyBuffer events) {
        if (ledger.closedMinute[id] == Integer.MAX_VALUE) {
            return;
        }
        Instant closed = CaseWriter.closedAt(ledger.submittedAt(start, id), now);
        int therapist = ledger.therapist[id];
        Long actor = therapist == 0 ? null : therapistIds[therapist - 1];
        if (startedMinute[id] != NOT_STARTED) {
            CareHistory.ended(events, id, outcome(id), closed, actor);
        }
        CareHistory.event(events, id, CareEventKind.CASE_CLOSED, closed, actor);
    }

    /** Every course, by intake id; returns how many. */
    long episodes(Consumer<Episode> sink) {
        long n = 0;
        for (int id = 1; id <= intakes; id++) {
            Episode episode = episode(id);
            if (episode != null) {
                sink.accept(episode);
                n++;
            }
        }
        return n;
    }

    /** The client's course, or null if they attended no session. */
    Episode episode(int id) {
        if (startedMinute[id] == NOT_STARTED) {
            return null;
        }
        Instant referred = ledger.submittedAt(start, id);
        Instant started = start.plusSeconds(startedMinute[id] * 60L);
        boolean closed = ledger.closedMinute[id] != Integer.MAX_VALUE;
        Instant ended = closed ? CaseWriter.closedAt(referred, now) : null;
        TherapyOutcome outcome = closed ? outcome(id) : null;
        var course = new CourseOfCare(started, ended, outcome, attended[id], treatment[id], 0, 0);
        int therapist = ledger.therapist[id];
        return new Episode(id, ledger.coupleCase[id] ? "COUPLES" : "INDIVIDUAL",
                therapist == 0 ? null : therapistIds[therapist - 1], referred, started, ended, outcome,
                course.finishedTreatment(), score(firstPhq9[id]), score(firstGad7[id]), score(lastPhq9[id]),
                score(lastGad7[id]), pairedSets[id]);
    }

    private static final IntakeStatus[] STATUSES = IntakeStatus.values();

    /** How the therapist ended it: most courses completed, some dropped out of, a few referred on (fixed by client). */
    static TherapyOutcome outcome(long intakeId) {
        long h = Math.floorMod(intakeId * 0xD6E8FEB86659FD93L >>> 33, 100L);
        return h < 80 ? TherapyOutcome.COMPLETED : h < 93 ? TherapyOutcome.DROPPED_OUT : TherapyOutcome.REFERRED_ON;
    }

    private static Integer score(byte stored) {
        return stored < 0 ? null : (int) stored;
    }
}
