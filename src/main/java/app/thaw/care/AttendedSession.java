package app.thaw.care;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The session a note is about, as the diary knows it: who it was with, its therapist, and whether the client came.
 * Only the diary makes these, after checking the session against the policy.
 */
public record AttendedSession(long appointmentId, long intakeId, @Nullable Long partnerIntakeId, long therapistId,
                              Instant start, boolean attended) {
}
