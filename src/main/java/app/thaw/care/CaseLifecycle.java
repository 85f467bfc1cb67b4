package app.thaw.care;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.IntakeStatus;

/**
 * Reads a case's events, in the order they were recorded, into its status and course of care. Pure: the same events
 * always give the same stage, so the status can never drift from what happened. The precedence, strongest first:
 * closed, ended, in therapy (a session attended), scheduled (a session booked), waiting, referred, in review,
 * awaiting the partner, new. A reopened case starts a new episode, back in review.
 */
public final class CaseLifecycle {

    private CaseLifecycle() {
    }

    private enum SessionState { BOOKED, CANCELLED, ATTENDED, MISSED }

    private record Session(SessionState state, boolean treatment, Instant at) {
    }

    public static CaseStage fold(List<CareEvent> events) {
        boolean awaiting = false;
        boolean reviewed = false;
        boolean referred = false;
        boolean waitlisted = false;
        boolean closed = false;
        @Nullable TherapyOutcome outcome = null;
        @Nullable Instant ended = null;
        Map<Long, Session> sessions = new LinkedHashMap<>();
        for (CareEvent event : events) {
            switch (event.kind()) {
                case SUBMITTED -> { }
                case AWAITING_PARTNER -> awaiting = true;
                case PARTNER_JOINED -> awaiting = false;
                case REVIEW_STARTED -> reviewed = true;
                case REFERRED -> {
                    reviewed = true;
                    referred = true;
                }
                case WAITLISTED -> waitlisted = true;
                case LEFT_WAITING_LIST -> waitlisted = false;
                case SESSION_BOOKED -> sessions.put(event.appointmentId(),
                        new Session(SessionState.BOOKED, event.treatment(), event.occurredAt()));
                case SESSION_CANCELLED -> sessions.put(event.appointmentId(),
                        new Session(SessionState.CANCELLED, event.treatment(), event.occurredAt()));
                case SESSION_ATTENDED -> sessions.put(event.appointmentId(),
                        new Session(SessionState.ATTENDED, event.treatment(), event.occurredAt()));
                case SESSION_MISSED -> sessions.put(event.appointmentId(),
                        new Session(SessionState.MISSED, event.treatment(), event.occurredAt()));
                case THERAPY_ENDED -> {
                    outcome = event.outcome();
                    ended = event.occurredAt();
                }
                case CASE_CLOSED -> closed = true;
                case CASE_REOPENED -> {
                    closed = false;
                    outcome = null;
                    ended = null;
                    referred = false;
                    waitlisted = false;
                    awaiting = false;
                    reviewed = true;
                    sessions.clear();
                }
            }
        }
        Instant started = null;
        int attended = 0;
        int treatment = 0;
        int missed = 0;
        int toCome = 0;
        for (Session session : sessions.values()) {
            switch (session.state()) {
                case ATTENDED -> {
                    attended++;
                    treatment += session.treatment() ? 1 : 0;
                    started = started == null || session.at().isBefore(started) ? session.at() : started;
                }
                case MISSED -> missed++;
                case BOOKED -> toCome++;
                case CANCELLED -> { }
            }
        }
        var course = new CourseOfCare(started, ended, outcome, attended, treatment, missed, toCome);
        IntakeStatus status = closed ? IntakeStatus.CLOSED
                : ended != null ? IntakeStatus.ENDED
                : attended > 0 ? IntakeStatus.IN_THERAPY
                : toCome > 0 ? IntakeStatus.SCHEDULED
                : waitlisted ? IntakeStatus.WAITING
                : referred ? IntakeStatus.REFERRED
                : reviewed ? IntakeStatus.IN_REVIEW
                : awaiting ? IntakeStatus.AWAITING_PARTNER
                : IntakeStatus.NEW;
        return new CaseStage(status, course);
    }
}
