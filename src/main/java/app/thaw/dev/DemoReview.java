package app.thaw.dev;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseDetail.FactorView;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.FactorDecisionKind;
import app.thaw.review.FactorService;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;

/**
 * A demo therapist's review of a new case, through the therapist's own services: they take it on, read it, decide the
 * suggested factors (a couple's both intakes) and the referral. Each call commits on its own, so the features'
 * listeners follow it at the step's moment too.
 */
@Component
@Profile("dev")
class DemoReview {

    private final CaseAccess access;
    private final CaseAssignments assignments;
    private final CaseOpeningService opening;
    private final FactorService factors;
    private final ReferralService referrals;
    private final UserDetailsService staff;

    DemoReview(CaseAccess access, CaseAssignments assignments, CaseOpeningService opening, FactorService factors,
               ReferralService referrals, UserDetailsService staff) {
        this.access = access;
        this.assignments = assignments;
        this.opening = opening;
        this.factors = factors;
        this.referrals = referrals;
        this.staff = staff;
    }

    /**
     * {@code therapist} (a demo login) reviews and refers the client (with the partner for a couple), then does
     * {@code then} as themselves. {@code disagreeOnce}: one suggestion is rejected, so the practice's agreement report
     * has a disagreement to show. Runs as a step of the demo's timeline, at its moment.
     */
    void refer(String therapist, long client, @Nullable Long partner, boolean disagreeOnce, Consumer<IntakeId> then) {
        DemoSignIn.as(staff, therapist, () -> {
            IntakeId intake = IntakeId.of(client);
            assignments.assignToMe(intake);
            decideFactors(client, disagreeOnce);
            if (partner != null) {
                decideFactors(partner, false);
            }
            referrals.decideReferral(intake, partner == null ? ReferralKind.INDIVIDUAL : ReferralKind.COUPLES,
                    partner == null ? "Numbness with burnout and learned suppression, no risk found at review: "
                            + "weekly individual sessions, at the times the client gave."
                            : "Both partners ask for joint work and neither reported fear of the other: couples "
                            + "sessions first, individual work to be considered at the review session.", null);
            then.accept(intake);
        });
    }

    private void decideFactors(long client, boolean disagreeOnce) {
        String reference = access.require(client, CaseOperation.READ_CLINICAL).reference();
        List<FactorView> suggested = opening.openCase(CaseReference.of(reference)).orElseThrow().factors().stream()
                .filter(FactorView::suggested).toList();
        for (int i = 0; i < suggested.size(); i++) {
            boolean disagree = disagreeOnce && suggested.size() > 1 && i == suggested.size() - 1;
            factors.decideFactor(IntakeId.of(client), suggested.get(i).tagId(),
                    disagree ? FactorDecisionKind.REJECTED : FactorDecisionKind.CONFIRMED);
        }
    }
}
