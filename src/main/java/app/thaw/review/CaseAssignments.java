package app.thaw.review;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;
import app.thaw.security.StaffUser;
import app.thaw.security.SystemActor;

/**
 * Who holds a case. Therapists take cases on and hand them over; the practice manager assigns and reassigns any case
 * with a reason, without reading it. A couple's two intakes always move together.
 */
@Service
@Transactional
public class CaseAssignments {

    /** Matches the audit detail the reason is written into. */
    public static final int REASON_MAX = 300;

    private final CaseLocks locks;
    private final CaseAccess access;
    private final CaseSetup setup;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;
    private final HeldCases held;

    CaseAssignments(CaseLocks locks, CaseAccess access, CaseSetup setup, StaffAccountService staff,
                    CurrentUser currentUser, HeldCases held) {
        this.held = held;
        this.locks = locks;
        this.access = access;
        this.setup = setup;
        this.staff = staff;
        this.currentUser = currentUser;
    }

    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.ASSIGN)
    public void assignToMe(IntakeId intakeId) {
        StaffUser me = currentUser.require();
        assign(intakeId, StaffId.of(me.id()));
    }

    /**
     * Hands the case (and the partner's intake with it) to a colleague, or back to the shared queue. Only an active
     * therapist can take a case: one assigned to an admin or a former colleague would vanish from every queue. An
     * urgent case is taken on by reviewing its risk, so it can't be passed on before that.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.ASSIGN)
    public void assign(IntakeId intakeId, @Nullable StaffId therapistId) {
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId.value(), CaseOperation.ASSIGN);
        String name = therapistId == null ? null : activeTherapist(therapistId.value()).displayName();
        setup.assignCouple(locked.grant(), StaffId.numberOf(therapistId),
                name == null ? "Returned to the shared queue" : "Assigned to " + name);
    }

    /**
     * The practice manager's assignment (leave, caseloads, a client's request), with the reason on record. Reads
     * nothing clinical and is allowed for an urgent case too: giving it to someone gets its risk reviewed sooner.
     */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.ASSIGN)
    public void reassign(IntakeId intakeId, @Nullable StaffId therapistId, String reason) {
        String why = reason == null ? "" : reason.strip();
        CaseActionRefused.refuseUnstorable(why);
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new CaseActionRefused("Please give the reason for the change (up to " + REASON_MAX
                    + " characters); it goes in the case history.");
        }
        CaseGrant grant = access.require(intakeId, CaseOperation.ASSIGN);
        String name = therapistId == null ? null : activeTherapist(therapistId.value()).displayName();
        setup.assignCouple(grant, StaffId.numberOf(therapistId),
                (name == null ? "Returned to the shared queue" : "Assigned to " + name) + " by the practice manager: "
                        + why);
    }

    /**
     * Booking a case nobody holds gives it (with the partner's intake) to the therapist it was booked with, in the
     * booking's transaction; a case already held stays where it is (that therapist sees the session through the
     * policy's "therapist with a session"). Returns whether it was assigned now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public boolean assignOnBooking(CaseGrant grant, StaffId therapistId) {
        grant.requireFor(CaseOperation.BOOK_SESSION);
        if (setup.assigneeOfCouple(grant) != null) {
            return false;
        }
        String name = SystemActor.call(() -> staff.displayNames(java.util.Set.of(therapistId.value())))
                .getOrDefault(therapistId.value(), "Former staff member");
        setup.assignCouple(grant, therapistId.value(), "Assigned to " + name + " (first session booked with them)");
        return true;
    }

    /** Who holds the case (either partner's intake), if anyone: the person to tell when something about it changes. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public java.util.Optional<Long> assigneeOf(CaseGrant grant) {
        grant.requireFor(CaseOperation.READ_BOOKING_DETAILS, CaseOperation.READ_CLINICAL, CaseOperation.BOOK_SESSION,
                CaseOperation.CHANGE_SESSION, CaseOperation.ASSIGN);
        return java.util.Optional.ofNullable(setup.assigneeOfCouple(grant));
    }

    /** The intakes of the cases a therapist holds (both partners of a couple): their own clients. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public java.util.Set<Long> heldBy(StaffId therapistId) {
        return held.intakeIds(therapistId.value());
    }

    /** The cases a therapist still works on (not ended or closed): what must go somewhere before they leave. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public java.util.List<HeldCase> openCasesOf(StaffId therapistId) {
        return held.openCases(therapistId.value());
    }

    private StaffSummary activeTherapist(long therapistId) {
        return staff.activeTherapists().stream()
                .filter(therapist -> therapist.id() == therapistId)
                .findFirst()
                .orElseThrow(() -> new CaseActionRefused("A case can only be assigned to an active therapist."));
    }
}
