package app.thaw.care;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a client's case. Sessions name their appointment and whether they count as treatment
 * (an assessment does not); the end of therapy carries its outcome; a referral its kind. Nothing clinical.
 *
 * @param occurredAt when it happened: a session's own start for its attendance, otherwise the moment it was recorded
 */
public record CareEvent(CareEventKind kind, Instant occurredAt, @Nullable Long appointmentId, boolean treatment,
                        @Nullable TherapyOutcome outcome, @Nullable String referralKind) {

    public CareEvent {
        if (kind.isSession() != (appointmentId != null)) {
            throw new IllegalArgumentException("A session event names its session, and only a session event does");
        }
        if ((kind == CareEventKind.THERAPY_ENDED) != (outcome != null)) {
            throw new IllegalArgumentException("The end of therapy, and only that, carries an outcome");
        }
        if ((kind == CareEventKind.REFERRED) != (referralKind != null)) {
            throw new IllegalArgumentException("A referral, and only that, carries its kind");
        }
    }

    public static CareEvent of(CareEventKind kind, Instant at) {
        return new CareEvent(kind, at, null, false, null, null);
    }

    public static CareEvent referred(String referralKind, Instant at) {
        return new CareEvent(CareEventKind.REFERRED, at, null, false, null, referralKind);
    }

    public static CareEvent session(CareEventKind kind, long appointmentId, boolean treatment, Instant at) {
        return new CareEvent(kind, at, appointmentId, treatment, null, null);
    }

    public static CareEvent therapyEnded(TherapyOutcome outcome, Instant at) {
        return new CareEvent(CareEventKind.THERAPY_ENDED, at, null, false, outcome, null);
    }
}
