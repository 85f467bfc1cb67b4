package app.thaw.bench.data;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.thaw.care.CareEventKind;
import app.thaw.care.TherapyOutcome;

/**
 * A case's care events (ADR 9) as the app's {@code CareRecords} writes them, one {@code care_event} row each in the
 * chunk's COPY: the form arriving (the system's, no actor), the therapist's review, referral, bookings, attendance,
 * end of therapy and closing (the therapist's). Recorded when they happened, but for attendance, marked at the
 * session's end for its start.
 */
final class CareHistory {

    private CareHistory() {
    }

    static void event(CopyBuffer rows, long intakeId, CareEventKind kind, Instant at, @Nullable Long actor) {
        row(rows, intakeId, kind, at, at, actor, null, null, null, null);
    }

    static void referred(CopyBuffer rows, long intakeId, String referralKind, Instant at, @Nullable Long actor) {
        row(rows, intakeId, CareEventKind.REFERRED, at, at, actor, null, null, null, referralKind);
    }

    static void session(CopyBuffer rows, long intakeId, CareEventKind kind, Instant at, Instant recorded,
                        @Nullable Long actor, long appointmentId, boolean treatment) {
        row(rows, intakeId, kind, at, recorded, actor, appointmentId, treatment, null, null);
    }

    static void ended(CopyBuffer rows, long intakeId, TherapyOutcome outcome, Instant at, @Nullable Long actor) {
        row(rows, intakeId, CareEventKind.THERAPY_ENDED, at, at, actor, null, null, outcome, null);
    }

    private static void row(CopyBuffer rows, long intakeId, CareEventKind kind, Instant at, Instant recorded,
                            @Nullable Long actor, @Nullable Long appointmentId, @Nullable Boolean treatment,
                            @Nullable TherapyOutcome outcome, @Nullable String referralKind) {
        rows.add(intakeId).add(kind.name()).add(at).add(recorded).add(actor).add(appointmentId).add(treatment)
                .add(outcome == null ? null : outcome.name()).add(referralKind).endRow();
    }
}
