package app.thaw.review;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.PracticeTime;
import app.thaw.base.ids.IntakeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.CareEvent;
import app.thaw.care.CareEventKind;
import app.thaw.care.CaseStage;
import app.thaw.care.TherapyOutcome;
import app.thaw.intake.IntakeStatus;
import app.thaw.security.Roles;

/**
 * The therapist's steps in a case's course of care that no diary event makes: putting a referred client on the waiting
 * list, ending therapy with its outcome and closing (neither with sessions still booked), and reopening the case.
 * Each is an event; the status follows. For a couple the step applies to both partners when the therapist says it
 * concerns both.
 */
@Service
@Transactional
public class CareActions {

    private final CaseLocks locks;
    private final CaseAccess access;
    private final CareLink care;
    private final AuditLog auditLog;
    private final SessionsToCome sessionsToCome;
    private final Clock clock;

    CareActions(CaseLocks locks, CaseAccess access, CareLink care, AuditLog auditLog, SessionsToCome sessionsToCome,
                Clock clock) {
        this.locks = locks;
        this.access = access;
        this.care = care;
        this.auditLog = auditLog;
        this.sessionsToCome = sessionsToCome;
        this.clock = clock;
    }

    /** A referred client waits for a first session; the waiting list (urgent first, longest waiting) shows them. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void addToWaitingList(IntakeId intakeId, boolean withPartner) {
        for (CaseGrant grant : cases(intakeId.value(), withPartner)) {
            IntakeStatus status = care.records().stage(grant).status();
            if (status == IntakeStatus.WAITING) {
                continue;
            }
            if (status != IntakeStatus.REFERRED && status != IntakeStatus.IN_REVIEW) {
                throw new CaseActionRefused(grant.reference() + " is " + status.label().toLowerCase(java.util.Locale.UK)
                        + ": only a case in review or referred goes on the waiting list.");
            }
            care.records().record(grant, CareEvent.of(CareEventKind.WAITLISTED, clock.instant()));
            auditLog.record(AuditAction.WAITLISTED, grant.intakeId(), grant.reference(), null);
        }
    }

    /**
     * The therapist's "end of therapy": the course of care ends with its outcome. Sessions still booked are cancelled
     * first, or kept on purpose as review sessions after the end (the client keeps their reminders and questions).
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void endTherapy(IntakeId intakeId, TherapyOutcome outcome, boolean withPartner, boolean keepBookedForReview) {
        if (outcome == null) {
            throw new CaseActionRefused("Choose how therapy ended.");
        }
        List<CaseGrant> cases = cases(intakeId.value(), withPartner);
        // a booking in flight commits first and is seen below; one coming later is a follow-up after the end
        sessionsToCome.hold(cases);
        for (CaseGrant grant : cases) {
            CaseStage stage = care.records().stage(grant);
            if (stage.course().started() == null || stage.course().ended() != null) {
                throw new CaseActionRefused(grant.reference() + (stage.course().ended() != null
                        ? ": therapy has already ended." : ": therapy has not started (no attended session). "
                        + "Close the case instead."));
            }
            if (!keepBookedForReview) {
                refuseWhileBooked(grant, true);
            }
        }
        for (CaseGrant grant : cases) {
            int kept = sessionsToCome.of(grant).size();
            CaseStage ended = care.records().record(grant, CareEvent.therapyEnded(outcome, clock.instant()));
            auditLog.record(AuditAction.THERAPY_ENDED, grant.intakeId(), grant.reference(), outcome.label() + ", "
                    + ended.course().attendedSessions() + " sessions attended"
                    + (ended.course().finishedTreatment() ? " (finished treatment)" : "")
                    + (kept == 0 ? "" : kept == 1 ? "; 1 session kept as a review session"
                            : "; " + kept + " sessions kept as review sessions"));
        }
    }

    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void closeCase(IntakeId intakeId, ClosureReason reason, boolean withPartner) {
        if (reason == null) {
            throw new CaseActionRefused("Choose why the case is closed.");
        }
        List<CaseGrant> cases = cases(intakeId.value(), withPartner);
        // a booking in flight commits first and is seen below; one coming later waits, then finds the case closed
        sessionsToCome.hold(cases);
        for (CaseGrant grant : cases) {
            CaseStage stage = care.records().stage(grant);
            if (stage.status() == IntakeStatus.CLOSED) {
                continue;
            }
            if (stage.course().inTherapy()) {
                throw new CaseActionRefused(grant.reference() + " is in therapy: end therapy with its outcome first.");
            }
            refuseWhileBooked(grant, false);
            care.records().record(grant, CareEvent.of(CareEventKind.CASE_CLOSED, clock.instant()));
            auditLog.record(AuditAction.CASE_CLOSED, grant.intakeId(), grant.reference(), reason.label());
        }
    }

    /** A closed case comes back (the client returns): a new episode, back in review. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void reopenCase(IntakeId intakeId) {
        CaseGrant grant = locks.requireUnlocked(intakeId.value(), CaseOperation.CHANGE_CLINICAL).grant();
        if (care.records().stage(grant).status() != IntakeStatus.CLOSED) {
            throw new CaseActionRefused("Only a closed case can be reopened.");
        }
        care.records().record(grant, CareEvent.of(CareEventKind.CASE_REOPENED, clock.instant()));
        auditLog.record(AuditAction.CASE_REOPENED, grant.intakeId(), grant.reference(), null);
    }

    /** Nobody is reminded of, or asked questions before, a session of a course that has moved on unless kept so. */
    private void refuseWhileBooked(CaseGrant grant, boolean ending) {
        List<ZonedDateTime> booked = sessionsToCome.of(grant);
        if (!booked.isEmpty()) {
            boolean one = booked.size() == 1;
            throw new CaseActionRefused(grant.reference() + " still has " + (one ? "a session" : booked.size()
                    + " sessions") + " booked, the next on " + PracticeTime.DAY_TIME.format(booked.getFirst())
                    + ": cancel " + (one ? "it" : "them") + " in the diary first (the client is told), then "
                    + (!ending ? "close the case." : "end therapy; or keep " + (one ? "it as a review session"
                    : "them as review sessions") + " after the end."));
        }
    }

    /** This case, and the partner's when the step concerns both; an urgent case only once its risk was reviewed. */
    private List<CaseGrant> cases(long intakeId, boolean withPartner) {
        CaseGrant grant = locks.requireUnlocked(intakeId, CaseOperation.CHANGE_CLINICAL).grant();
        List<CaseGrant> cases = new ArrayList<>(List.of(grant));
        if (withPartner) {
            cases.addAll(access.partners(grant, CaseOperation.CHANGE_CLINICAL));
        }
        return cases;
    }
}
