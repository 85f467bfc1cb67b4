package app.thaw.practice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.Application;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.privacy.PendingReview;
import app.thaw.privacy.ReviewsInHand;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.CaseAssignments;
import app.thaw.review.HeldCase;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionView;
import app.thaw.security.Roles;
import app.thaw.security.StaffAdministration;
import app.thaw.security.TeamMember;

/**
 * A therapist leaving: every session still to come goes to a colleague (both diaries checked) or is cancelled (the
 * clients told), every case they hold goes to a colleague or back to the shared queue (with the reason on record),
 * every subject access review they had to do to a colleague who may read the case; only then can they be
 * deactivated. Each step is the diary's, the review's or the privacy desk's own, under the case-access policy.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class HandoverService {

    /** How far ahead a handover looks for sessions: everything booked. */
    private static final int YEARS_AHEAD = 10;

    /** What a leaving therapist still has in hand. */
    public record Commitments(TeamMember therapist, List<SessionView> sessions, List<HeldCase> cases,
                              List<PendingReview> reviews) {

        public boolean none() {
            return sessions.isEmpty() && cases.isEmpty() && reviews.isEmpty();
        }
    }

    private final StaffAdministration team;
    private final SchedulingService scheduling;
    private final SessionChanges changes;
    private final CaseAssignments assignments;
    private final ReviewsInHand reviews;
    private final SubjectAccessRequests accessRequests;
    private final Clock clock;

    HandoverService(StaffAdministration team, SchedulingService scheduling, SessionChanges changes,
                    CaseAssignments assignments, ReviewsInHand reviews, SubjectAccessRequests accessRequests,
                    Clock clock) {
        this.reviews = reviews;
        this.accessRequests = accessRequests;
        this.team = team;
        this.scheduling = scheduling;
        this.changes = changes;
        this.assignments = assignments;
        this.clock = clock;
    }

    public Commitments commitments(StaffId staffId) {
        TeamMember member = team.team().stream().filter(m -> m.id() == staffId.value()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no such staff member."));
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        var now = clock.instant();
        List<SessionView> sessions = scheduling.sessions(staffId, today, today.plusYears(YEARS_AHEAD)).stream()
                .filter(s -> s.state() == AppointmentState.BOOKED && s.start().toInstant().isAfter(now)).toList();
        return new Commitments(member, sessions, assignments.openCasesOf(staffId), reviews.awaitingReviewBy(staffId));
    }

    /** The session goes to another therapist at the same time (their diary is checked; the clients are told). */
    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public BookingResult moveSession(AppointmentId appointmentId, StaffId therapistId,
            @Nullable String overrideReason) {
        return changes.changeTherapist(appointmentId, therapistId, overrideReason);
    }

    @ActsOnCase(CaseOperation.CHANGE_SESSION)
    public void cancelSession(AppointmentId appointmentId, String reason) {
        changes.cancel(appointmentId, false, reason);
    }

    /** The case (with the partner's) goes to a colleague, or to the shared queue when {@code therapistId} is null. */
    @ActsOnCase(CaseOperation.ASSIGN)
    public void reassignCase(IntakeId intakeId, @Nullable StaffId therapistId, String reason) {
        assignments.reassign(intakeId, therapistId, reason);
    }

    /** A subject access review they had to do goes to a colleague who may read the case. */
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public void changeReviewer(AccessRequestId accessRequestId, StaffId therapistId) {
        accessRequests.changeReviewer(accessRequestId, therapistId);
    }

    /** Refused (with what is left) while any session, case or review is still theirs. */
    public void deactivate(StaffId staffId) {
        team.deactivate(StaffId.of(staffId.value()));
    }
}
