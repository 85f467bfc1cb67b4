package app.thaw.review;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;
import app.thaw.security.StaffUser;

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

    CaseAssignments(CaseLocks locks, CaseAccess access, CaseSetup setup, StaffAccountService staff,
                    CurrentUser currentUser) {
        this.locks = locks;
        this.access = access;
        this.setup = setup;
        this.staff = staff;
        this.currentUser = currentUser;
    }

    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.ASSIGN)
    public void assignToMe(long intakeId) {
        StaffUser me = currentUser.require();
        assign(intakeId, me.id());
    }

    /**
     * Hands the case (and the partner's intake with it) to a colleague, or back to the shared queue. Only an active
     * therapist can take a case: one assigned to an admin or a former colleague would vanish from every queue. An
     * urgent case is taken on by reviewing its risk, so it can't be passed on before that.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.ASSIGN)
    public void assign(long intakeId, @Nullable Long therapistId) {
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId, CaseOperation.ASSIGN);
        String name = therapistId == null ? null : activeTherapist(therapistId).displayName();
        setup.assignCouple(locked.grant(), therapistId,
                name == null ? "Returned to the shared queue" : "Assigned to " + name);
    }

    /**
     * The practice manager's assignment (leave, caseloads, a client's request), with the reason on record. Reads
     * nothing clinical and is allowed for an urgent case too: giving it to someone gets its risk reviewed sooner.
     */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.ASSIGN)
    public void reassign(long intakeId, @Nullable Long therapistId, String reason) {
        String why = reason == null ? "" : reason.strip();
        ReviewService.refuseUnstorable(why);
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new CaseActionRefused("Please give the reason for the change (up to " + REASON_MAX
                    + " characters); it goes in the case history.");
        }
        CaseGrant grant = access.require(intakeId, CaseOperation.ASSIGN);
        String name = therapistId == null ? null : activeTherapist(therapistId).displayName();
        setup.assignCouple(grant, therapistId,
                (name == null ? "Returned to the shared queue" : "Assigned to " + name) + " by the practice manager: "
                        + why);
    }

    private StaffSummary activeTherapist(long therapistId) {
        return staff.activeTherapists().stream()
                .filter(therapist -> therapist.id() == therapistId)
                .findFirst()
                .orElseThrow(() -> new CaseActionRefused("A case can only be assigned to an active therapist."));
    }
}
