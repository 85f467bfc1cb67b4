package app.thaw.review;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.CareEvent;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.domain.Referral;
import app.thaw.review.domain.ReferralRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/** The referral decision on a case (its letter is {@link LetterService}'s). */
@Service
@Transactional
public class ReferralService {

    private final CaseLocks locks;
    private final ReferralRepository referrals;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final CaseSetup setup;
    private final CaseAccess access;
    private final CareLink care;
    private final Clock clock;

    ReferralService(CaseLocks locks, ReferralRepository referrals, AuditLog auditLog, CurrentUser currentUser,
                    CaseSetup setup, CaseAccess access, CareLink care, Clock clock) {
        this.setup = setup;
        this.access = access;
        this.care = care;
        this.locks = locks;
        this.referrals = referrals;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records the referral. Joint work with a partner while either partner reported fear of the other needs an
     * explicit clinical decision in words; that decision is what later lets a joint session be booked.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void decideReferral(IntakeId intakeId, ReferralKind kind, String reason,
            @Nullable String partnerFearDecision) {
        String text = reason == null ? "" : reason.strip();
        CaseActionRefused.refuseUnstorable(text);
        if (text.isEmpty() || text.length() > Referral.REASON_MAX) {
            throw new CaseActionRefused("Please give the reason for this referral (up to " + Referral.REASON_MAX
                    + " characters).");
        }
        CaseLocks.Locked locked = locks.requireUnlocked(intakeId.value(), CaseOperation.CHANGE_CLINICAL);
        SubmittedIntake intake = locked.intake();
        String override = partnerFearDecision == null || partnerFearDecision.isBlank() ? null
                : partnerFearDecision.strip();
        if (kind.involvesPartner() && override == null && locked.grant().facts().fearInCouple()) {
            throw new CaseActionRefused(intake.hasRiskFlag("partner_fear")
                    ? "This client said they are afraid of their partner. Couples work can only be chosen with an "
                            + "explicit clinical decision recorded below."
                    : "This client's partner said in their own intake that they are afraid of them. Couples work "
                            + "can only be chosen with an explicit clinical decision recorded below.");
        }
        CaseActionRefused.refuseUnstorable(override);
        if (override != null && override.length() > Referral.PARTNER_FEAR_DECISION_MAX) {
            throw new CaseActionRefused("Please keep the clinical decision under "
                    + Referral.PARTNER_FEAR_DECISION_MAX + " characters.");
        }
        referrals.save(new Referral(intakeId.value(), kind, text, kind.involvesPartner() ? override : null,
                currentUser.require().id(), clock.instant()));
        auditLog.record(AuditAction.REFERRAL_DECIDED, intakeId.value(), intake.reference(), kind.label());
        StaffUser me = currentUser.require();
        if (locked.reviewCase().getAssignedTherapistId() == null) {
            // the therapist who decides the referral holds the case from now on (the couple's, both partners)
            setup.assignCouple(locked.grant(), me.id(), "Assigned to " + me.displayName() + " (decided the referral)");
        }
        var referred = CareEvent.referred(kind.name(), clock.instant());
        care.records().record(locked.grant(), referred);
        if (kind.involvesPartner()) {
            access.partners(locked.grant(), CaseOperation.CHANGE_CLINICAL)
                    .forEach(partner -> care.records().record(partner, referred));
        }
    }
}
