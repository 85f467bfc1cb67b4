package app.thaw.review;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static app.thaw.intake.IntakeFixtures.couplesAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.PdfText;
import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeStatus;

/**
 * Referral decisions: joint work despite a partner's fear needs an explicit clinical decision, and an outside referral
 * gives a letter.
 */
@IntegrationTest
class ReferralDecisionsIT extends ReviewTestSupport {

    @Test
    @WithUserDetails("amira")
    void jointWorkDespiteFearOfThePartnerNeedsAnExplicitClinicalDecision() {
        var submitted = data.submit(couplesAnswers(ReviewTestData.uniqueWord() + " Afraid")
                .with("safety.partner_fear", "yes"));
        long id = submitted.id();
        caseWork.acknowledgeRisk(IntakeId.of(id), "Safety plan discussed; no joint sessions for now.");

        CaseDetail detail = caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow();
        assertThat(detail.state().partnerFearFlag()).isTrue();
        for (ReferralKind joint : List.of(ReferralKind.COUPLES, ReferralKind.BOTH)) {
            assertThatThrownBy(() -> referrals.decideReferral(IntakeId.of(id), joint, "Work on communication", null))
                    .isInstanceOf(CaseActionRefused.class).hasMessageContaining("afraid of their partner");
            assertThatThrownBy(() -> referrals.decideReferral(IntakeId.of(id), joint, "Work on communication", "   "))
                    .isInstanceOf(CaseActionRefused.class);
        }
        assertThatThrownBy(() -> referrals.decideReferral(IntakeId.of(id), ReferralKind.INDIVIDUAL, "  ", null))
                .isInstanceOf(CaseActionRefused.class);
        assertThat(jdbc.queryForObject("select count(*) from referral where intake_id = ?", Integer.class, id))
                .isZero();

        referrals.decideReferral(IntakeId.of(id), ReferralKind.INDIVIDUAL, "Individual work first.",
                "ignored for individual work");
        referrals.decideReferral(IntakeId.of(id), ReferralKind.COUPLES, "Joint sessions later.",
                "Assessed separately twice; fear relates to a past partner.");

        CaseDetail referred = caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow();
        assertThat(referred.referrals()).extracting(CaseDetail.ReferralView::kind)
                .containsExactly(ReferralKind.COUPLES, ReferralKind.INDIVIDUAL);
        assertThat(referred.currentReferral().partnerFearDecision())
                .isEqualTo("Assessed separately twice; fear relates to a past partner.");
        assertThat(referred.currentReferral().decidedBy()).isEqualTo("Dr Amira Khan");
        assertThat(referred.referrals().get(1).partnerFearDecision()).isNull();
        assertThat(referred.intake().status()).isEqualTo(IntakeStatus.REFERRED);
        assertThatThrownBy(() -> letterService.referralLetter(IntakeId.of(id))).isInstanceOf(CaseActionRefused.class)
                .hasMessageContaining("outside referral");
    }

    @Test
    @WithUserDetails("amira")
    void anOutsideReferralProducesADownloadableLetterNamingTheCase() throws IOException {
        var submitted = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Letter"));
        long id = submitted.id();
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        assertThat(scheduling.book(new app.thaw.scheduling.BookingRequest(id, null, data.idOf("amira"), individual,
                app.thaw.scheduling.SessionFormat.ONLINE, null, java.time.ZonedDateTime.of(2033, 3, 1 + (int) (id % 27),
                        9 + (int) (id % 8), 0, 0, 0, app.thaw.Application.PRACTICE_ZONE), null)))
                .isInstanceOf(app.thaw.scheduling.BookingResult.Booked.class);
        assertThatThrownBy(() -> letterService.referralLetter(IntakeId.of(id))).isInstanceOf(CaseActionRefused.class);

        referrals.decideReferral(IntakeId.of(id), ReferralKind.NHS_TALKING_THERAPIES,
                "Step-down support between sessions.", null);
        ReferralLetterFile letter = letterService.referralLetter(IntakeId.of(id));

        assertThat(new String(letter.pdf(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = PdfText.of(letter.pdf());
        assertThat(text).contains(submitted.reference(), "Step-down support between sessions.");
        assertThat(data.auditActions(id)).containsSubsequence("REFERRAL_DECIDED", "LETTER_DOWNLOADED");
        // a scheduled case stays scheduled when a referral is recorded
        assertThat(caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow().intake().status())
                .isEqualTo(IntakeStatus.SCHEDULED);
    }

    @Test
    @WithUserDetails("amira")
    void aGpLetterQuotesWhatTheClientSaidAboutTheirMedicationOrHormonesAsCorrected() throws IOException {
        var submitted = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Sertraline")
                .with("medication.current", "yes").with("medication.details", "Citalopram since June")
                .with("medication.hormonal", "thyroid").with("medication.gp_reviewed", "no"));
        IntakeId id = IntakeId.of(submitted.id());
        assertThat(caseWork.amendAnswer(id, "medication.details", List.of("Citalopram 20 mg since June, raised in "
                + "October"), "The client rang to give the dose")).isEmpty();

        referrals.decideReferral(id, ReferralKind.GP_MEDICATION_REVIEW, "Numb since the dose went up.", null);
        String medication = PdfText.of(letterService.referralLetter(id).pdf()).replaceAll("\\s+", " ");
        referrals.decideReferral(id, ReferralKind.GP_HORMONAL_REVIEW, "Thyroid tablets changed lately.", null);
        String hormonal = PdfText.of(letterService.referralLetter(id).pdf()).replaceAll("\\s+", " ");
        referrals.decideReferral(id, ReferralKind.NHS_TALKING_THERAPIES, "Step-down support.", null);
        String talking = PdfText.of(letterService.referralLetter(id).pdf()).replaceAll("\\s+", " ");

        assertThat(medication).contains("What the client told us on our intake form",
                "Are you currently taking any medication for your mood or anxiety?", "Yes",
                "Citalopram 20 mg since June, raised in October").doesNotContain("Citalopram since June")
                .contains("Has a GP or another doctor talked with you").doesNotContain("A thyroid condition");
        assertThat(hormonal).contains("Have any of these applied to you recently?", "A thyroid condition")
                .doesNotContain("Citalopram");
        assertThat(talking).doesNotContain("What the client told us", "Citalopram", "thyroid");
    }

    @Test
    void fearReportedByThePartnerAlsoBlocksJointWorkForTheOtherPartner() {
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(couplesAnswers(word + " Unaware"));
        var afraid = data.submitPartner(first.receipt().partnerInvitationToken(),
                couplesAnswers(word + " Afraid").with("safety.partner_fear", "yes"));
        data.as("amira", () -> caseWork.acknowledgeRisk(IntakeId.of(afraid.id()),
                "Spoke to them alone; safety plan made."));

        CaseDetail detail = data.as("amira", () -> caseOpening.openCase(CaseReference.of(first.reference())))
                .orElseThrow();

        assertThat(detail.state().partnerFearFlag()).isTrue();
        assertThatThrownBy(() -> data.as("amira", () -> referrals.decideReferral(IntakeId.of(first.id()),
                ReferralKind.COUPLES,
                "Joint sessions", null))).isInstanceOf(CaseActionRefused.class);
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(first.id()), ReferralKind.INDIVIDUAL,
                "Individual first", null));
        assertThat(jdbc.queryForObject("select kind from referral where intake_id = ?", String.class, first.id()))
                .isEqualTo("INDIVIDUAL");
    }
}
