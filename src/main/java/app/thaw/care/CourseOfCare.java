package app.thaw.care;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A client's course of therapy as its events tell it: it starts with the first attended session and ends with the
 * therapist's "end of therapy" and its outcome. Two attended treatment sessions (an assessment is not treatment) make
 * an ended course a finished treatment, as NHS Talking Therapies count it.
 */
public record CourseOfCare(@Nullable Instant started, @Nullable Instant ended, @Nullable TherapyOutcome outcome,
                           int attendedSessions, int attendedTreatmentSessions, int missedSessions,
                           int sessionsToCome) {

    public static final int FINISHED_TREATMENT_SESSIONS = 2;

    public static final CourseOfCare NOT_STARTED = new CourseOfCare(null, null, null, 0, 0, 0, 0);

    public boolean inTherapy() {
        return started != null && ended == null;
    }

    /** Ended after at least two attended treatment sessions. */
    public boolean finishedTreatment() {
        return ended != null && attendedTreatmentSessions >= FINISHED_TREATMENT_SESSIONS;
    }
}
