package app.thaw.review;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.PdfText;
import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeStatus;

/**
 * What a case keeps on record: an audit line per reading, change and letter download, and notes that need text and are
 * never rewritten.
 */
@IntegrationTest
class CaseRecordIT extends ReviewTestSupport {

    @Test
    @WithUserDetails("amira")
    void openingACaseIsAuditedWithWhoReadItOncePerReading() {
        var submitted = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Reader"));

        CaseDetail detail = caseOpening.openCase(CaseReference.typed(submitted.reference().toLowerCase()).orElseThrow())
                .orElseThrow();
        caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow();

        assertThat(detail.intake().reference()).isEqualTo(submitted.reference());
        assertThat(detail.partner()).isNull();
        var opened = data.audit(submitted.id()).stream().filter(row -> row.get("action").equals("CASE_OPENED"))
                .toList();
        // the second opening is the view refreshing within the re-read window: one reading, one line
        assertThat(opened).hasSize(1).allSatisfy(row -> {
            assertThat(row.get("actor_id")).isEqualTo(data.idOf("amira"));
            assertThat(row.get("actor_name")).isEqualTo("Dr Amira Khan");
            assertThat(row.get("case_reference")).isEqualTo(submitted.reference());
        });
        // opening a new case puts it in review (a status change, on record)
        assertThat(detail.history()).extracting(entry -> entry.action().name()).containsExactly("INTAKE_SUBMITTED",
                "STATUS_CHANGED");
        assertThat(detail.history().getFirst().actorName()).isEqualTo("system");
        assertThat(detail.history().getFirst().actorId()).isNull();
    }

    @Test
    @WithUserDetails("amira")
    void everyChangeAndTheLetterDownloadWriteTheirAuditLines() throws IOException {
        var submitted = data.submit(urgent(completeAnswers(ReviewTestData.uniqueWord() + " Audited")
                .with("about.gp_practice", "Ancoats Medical Practice, Manchester")));
        long id = submitted.id();

        caseWork.acknowledgeRisk(IntakeId.of(id), "Called the client: safe for now, crisis plan shared.");
        caseWork.addNote(IntakeId.of(id), "Private words about the client's father.");
        factorService.decideFactor(IntakeId.of(id), "hormonal_change", FactorDecisionKind.ADDED);
        referrals.decideReferral(IntakeId.of(id), ReferralKind.GP_MEDICATION_REVIEW, "Sertraline dose review.", null);
        ReferralLetterFile letter = letterService.referralLetter(IntakeId.of(id));
        assignments.assign(IntakeId.of(id), StaffId.of(data.idOf("tom")));

        var rows = data.audit(id);
        assertThat(rows).extracting(row -> row.get("action")).containsExactly("INTAKE_SUBMITTED",
                "RISK_ACKNOWLEDGED", "CASE_ASSIGNED", "STATUS_CHANGED", "NOTE_ADDED", "FACTOR_DECIDED",
                "REFERRAL_DECIDED", "STATUS_CHANGED", "LETTER_DOWNLOADED", "CASE_ASSIGNED");
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> {
            assertThat(row.get("actor_id")).isEqualTo(data.idOf("amira"));
            assertThat(row.get("case_reference")).isEqualTo(submitted.reference());
        });
        assertThat(rows).extracting(row -> row.get("detail")).containsExactly(
                "Flagged urgent by the client's answers", null, "Assigned to Dr Amira Khan (reviewed the risk)",
                "NEW → IN_REVIEW", null,
                "Hormonal change: added", "GP — medication review", "IN_REVIEW → REFERRED",
                "GP — medication review",
                "Assigned to Tom Whitfield");
        assertThat(rows).allSatisfy(row -> assertThat(String.valueOf(row.get("detail")))
                .doesNotContain("Private words").doesNotContain("Sertraline").doesNotContain("crisis plan"));

        assertThat(letter.fileName()).isEqualTo("referral-" + submitted.reference() + ".pdf");
        assertThat(new String(letter.pdf(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(PdfText.of(letter.pdf())).contains(submitted.reference(), "Sertraline dose review.",
                "Ancoats Medical Practice", "Dr Amira Khan");

        // the history tom now sees holds the changes but not the reads
        CaseDetail seenByTom = data.as("tom", () -> caseOpening.openCase(CaseReference.of(submitted.reference())))
                .orElseThrow();
        assertThat(seenByTom.history()).extracting(entry -> entry.action().name()).containsExactly(
                "INTAKE_SUBMITTED", "RISK_ACKNOWLEDGED", "CASE_ASSIGNED", "STATUS_CHANGED", "NOTE_ADDED",
                "FACTOR_DECIDED", "REFERRAL_DECIDED", "STATUS_CHANGED", "CASE_ASSIGNED");
        assertThat(seenByTom.notes()).singleElement().satisfies(note -> {
            assertThat(note.author()).isEqualTo("Dr Amira Khan");
            assertThat(note.body()).isEqualTo("Private words about the client's father.");
        });
        assertThat(seenByTom.intake().status()).isEqualTo(IntakeStatus.REFERRED);
        assertThat(seenByTom.state().assigneeName()).isEqualTo("Tom Whitfield");
    }

    @Test
    @WithUserDetails("amira")
    void aNoteNeedsText() {
        var submitted = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Notes"));

        assertThatThrownBy(() -> caseWork.addNote(IntakeId.of(submitted.id()),
                " \n ")).isInstanceOf(CaseActionRefused.class);
        assertThatThrownBy(() -> caseWork.addNote(IntakeId.of(submitted.id()), "x".repeat(4001)))
                .isInstanceOf(CaseActionRefused.class);
        caseWork.addNote(IntakeId.of(submitted.id()), "First");
        caseWork.addNote(IntakeId.of(submitted.id()), "Second");

        assertThat(caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow().notes())
                .extracting(CaseDetail.NoteView::body)
                .containsExactly("First", "Second");
        assertThatThrownBy(() -> jdbc.update("update case_note set body = 'changed' where intake_id = ?",
                submitted.id())).rootCause().hasMessageContaining("clinical notes are append-only");
    }
}
