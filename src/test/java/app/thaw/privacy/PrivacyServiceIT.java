package app.thaw.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.PdfText;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.IntegrationTest;
import app.thaw.intake.ClientIdentity;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.FactorService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;

@IntegrationTest
class PrivacyServiceIT {

    @Autowired
    PrivacyService privacy;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    CaseWorkService caseWork;
    @Autowired
    FactorService factorService;

    @Autowired
    app.thaw.review.CaseAssignments assignments;

    @Autowired
    app.thaw.review.ReferralService referrals;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    app.thaw.scheduling.SessionChanges changes;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SubjectAccessRequests requests;

    @Autowired
    DisclosureReviews reviews;

    ReviewTestData data;
    PrivacyTestData.Couple couple;
    SubjectAccessSteps steps;

    @BeforeEach
    void aCoupleWithRecordsEverywhere() {
        data = new ReviewTestData(intake, staff, jdbc);
        couple = new PrivacyTestData(data, caseOpening, caseWork, factorService, assignments, referrals, scheduling, changes, jdbc).couple();
        steps = new SubjectAccessSteps(data, requests, reviews);
    }

    @Test
    void theJsonExportHoldsEverythingAboutTheClientAndNothingOfThePartner() {
        ExportFile file = steps.json(steps.approvedInFull(couple.client().id(), "amira"));

        String text = new String(file.content(), StandardCharsets.UTF_8);
        assertThat(file.fileName()).startsWith("thaw-subject-access-" + couple.client().reference()).endsWith(".json");
        assertThat(file.contentType()).isEqualTo("application/json");
        assertNothingOfThePartner(text);

        SubjectAccessExport export = json.readValue(file.content(), SubjectAccessExport.class);
        assertThat(json.writerWithDefaultPrettyPrinter().writeValueAsString(export)).isEqualTo(text);
        assertThat(export.format()).isEqualTo("thaw-subject-access");
        assertThat(export.formatVersion()).isEqualTo(2);
        assertThat(export.generatedBy()).isEqualTo("Priya Shah");
        assertThat(export.client().fullName()).isEqualTo(couple.clientName());
        assertThat(export.client().email()).isEqualTo(couple.clientEmail());
        assertThat(export.consent().privacyNoticeVersion()).isNotBlank();
        assertThat(export.consent().acceptedAt()).isBeforeOrEqualTo(export.consent().formSentAt());
        assertThat(export.consent().contactConsent()).isTrue();
        assertThat(export.couple().partner()).isEqualTo("[partner]");

        // answers as asked, the client's mention of the partner hidden, the correction under the original
        var presenting = answer(export, "presenting.what_brings_you");
        assertThat(presenting.answer()).isEqualTo("Since the baby [partner] and I barely talk.");
        assertThat(presenting.question()).isNotBlank();
        var phone = answer(export, "about.phone");
        assertThat(phone.answer()).isEqualTo("07700 900123");
        assertThat(phone.corrections()).singleElement().satisfies(c -> {
            assertThat(c.answer()).isEqualTo("07700 900999");
            assertThat(c.reason()).isEqualTo("New number given by phone");
            assertThat(c.correctedBy()).isEqualTo("Dr Amira Khan");
        });
        assertThat(export.scores()).isNotEmpty().allSatisfy(s -> assertThat(s.band()).isNotBlank());
        assertThat(export.factors()).filteredOn(f -> !f.decisions().isEmpty()).singleElement()
                .satisfies(f -> assertThat(f.decisions().getFirst().decidedBy()).isEqualTo("Dr Amira Khan"));
        assertThat(export.factors()).filteredOn(SubjectAccessExport.Factor::suggested)
                .allSatisfy(f -> assertThat(f.reasons()).isNotEmpty());
        assertThat(export.referrals()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("Couples therapy");
            assertThat(r.reason()).isEqualTo("Both want to work on talking again.");
        });
        assertThat(export.notes()).extracting(SubjectAccessExport.Note::text)
                .containsExactly(couple.clientNote().replace(couple.partnerFirstName(), "[partner]"));
        assertThat(export.review().assignedTherapist()).isEqualTo("Dr Amira Khan");
        assertThat(export.appointments()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo("Couples session");
            assertThat(s.withPartner()).isTrue();
            assertThat(s.therapist()).isEqualTo("Tom Whitfield");
            assertThat(s.state()).isEqualTo("Cancelled");
            assertThat(s.cancelledByClient()).isTrue();
            assertThat(s.cancelReason()).isEqualTo("[partner] phoned: they are both unwell.");
        });
        assertThat(export.statusHistory()).extracting(SubjectAccessExport.StatusChange::change)
                .contains("Form received", "From In review to Referred", "From Referred to Scheduled");
        assertThat(export.emails()).extracting(SubjectAccessExport.Email::kind)
                .contains("Form received", "Booking", "Cancellation");
        assertThat(export.emails()).allSatisfy(e -> assertThat(e.body()).doesNotContainPattern("/status/[A-Za-z0-9_-]{20,}"));
        assertThat(export.accessLog()).extracting(SubjectAccessExport.AccessLine::staff,
                SubjectAccessExport.AccessLine::action).contains(
                        org.assertj.core.groups.Tuple.tuple("Dr Amira Khan", "Opened case"),
                        org.assertj.core.groups.Tuple.tuple("Dr Amira Khan", "Added a clinical note"),
                        org.assertj.core.groups.Tuple.tuple("system", "Intake submitted"));
        assertThat(export.leftOut()).isNotEmpty();
    }

    @Test
    void thePdfSaysTheSameInWordsAndNothingOfThePartner() throws IOException {
        ExportFile file = steps.pdf(steps.approvedInFull(couple.client().id(), "amira"));

        java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "subject-access.pdf"),
                file.content()); // for eyeballing
        assertThat(new String(file.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        String text = PdfText.of(file.content());
        assertNothingOfThePartner(text);
        assertThat(text).contains(couple.clientName(), couple.client().reference(), "Your consent",
                "Your answers", "[partner] and I barely talk", "New number given by phone", "Couples therapy",
                "[partner] joined for the last ten minutes", "Who read or changed your record", "Dr Amira Khan",
                "Opened case", "Emails we sent you", "What is not included");
    }

    @Test
    void everyExportIsAuditedAndTheNextExportListsIt() {
        long request = steps.approvedInFull(couple.client().id(), "amira");
        steps.json(request);
        steps.pdf(request);

        var exports = data.audit(couple.client().id()).stream()
                .filter(row -> "SUBJECT_ACCESS_EXPORTED".equals(row.get("action"))).toList();
        assertThat(exports).extracting(row -> row.get("actor_name"), row -> row.get("detail"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Priya Shah", "JSON file"),
                        org.assertj.core.groups.Tuple.tuple("Priya Shah", "PDF file"));
        assertThat(data.auditActions(couple.partner().id())).doesNotContain("SUBJECT_ACCESS_EXPORTED");

        ExportFile again = steps.json(request);
        SubjectAccessExport export = json.readValue(again.content(), SubjectAccessExport.class);
        assertThat(export.accessLog()).filteredOn(line -> line.action().equals("Subject access export"))
                .hasSize(2).allSatisfy(line -> assertThat(line.staff()).isEqualTo("Priya Shah"));
    }

    @Test
    void therapistsCannotExportOrLookUpClients() {
        long id = couple.client().id();
        long request = steps.approvedInFull(id, "amira");
        assertThatThrownBy(() -> data.as("amira", () -> requests.exportJson(AccessRequestId.of(request))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as("amira", () -> requests.exportPdf(AccessRequestId.of(request))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as("amira", () -> privacy.findClients(couple.clientEmail())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.auditActions(id)).doesNotContain("SUBJECT_ACCESS_EXPORTED");
    }

    @Test
    void aClientIsFoundByReferenceOrEmailWithTheirConsentAndCoupleLink() {
        List<ClientIdentity> byEmail = data.as("admin", () -> privacy.findClients(couple.clientEmail().toUpperCase()));
        List<ClientIdentity> byReference = data.as("admin",
                () -> privacy.findClients(" " + couple.client().reference().toLowerCase() + " "));

        assertThat(byEmail).extracting(ClientIdentity::intakeId).containsExactly(couple.client().id());
        assertThat(byReference).isEqualTo(byEmail);
        ClientIdentity found = byEmail.getFirst();
        assertThat(found.coupleLink()).isEqualTo(ClientIdentity.CoupleLink.LINKED);
        assertThat(found.partner().reference()).isEqualTo(couple.partner().reference());
        assertThat(found.consent().acceptedAt()).isBeforeOrEqualTo(found.submittedAt());
        assertThat(data.as("admin", () -> privacy.findClients("THW-NOSUCH"))).isEmpty();
        assertThat(data.as("admin", () -> privacy.findClients("   "))).isEmpty();
    }

    @Test
    void consentIsTimedWhenTheBoxIsTickedAndUntickingWithdrawsIt() {
        String address = ReviewTestData.address();
        String token = intake.startDraft(null, address).orElseThrow().token();
        var answers = IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Consenting");
        assertThat(intake.saveAnswers(token, answers.without("consent.privacy").asMap(), "about")).isTrue();
        assertThat(consentTicked(token)).isNull();

        intake.saveAnswers(token, java.util.Map.of("consent.privacy", List.of("true")), "consent");
        var ticked = consentTicked(token);
        assertThat(ticked).isNotNull();
        intake.saveAnswers(token, java.util.Map.of("consent.contact", List.of("true")), "consent");
        assertThat(consentTicked(token)).isEqualTo(ticked);
        intake.saveAnswers(token, java.util.Map.of("consent.privacy", List.of("false")), "consent");
        assertThat(consentTicked(token)).isNull();
        intake.saveAnswers(token, java.util.Map.of("consent.privacy", List.of("true")), "consent");
        var again = consentTicked(token);
        assertThat(again).isNotNull();

        var outcome = intake.submit(token, address, false);
        String reference = ((app.thaw.intake.SubmissionOutcome.Submitted) outcome).receipt().reference();
        var row = jdbc.queryForMap("select consented_at, submitted_at from intake where reference = ?", reference);
        assertThat(row.get("consented_at")).isEqualTo(again);
        assertThat(((java.sql.Timestamp) row.get("consented_at")).toInstant())
                .isBeforeOrEqualTo(((java.sql.Timestamp) row.get("submitted_at")).toInstant());
    }

    private java.sql.Timestamp consentTicked(String token) {
        return jdbc.queryForObject("select privacy_consent_at from intake_draft where token_hash = ?",
                java.sql.Timestamp.class, app.thaw.base.domain.SecretToken.hash(token));
    }

    private void assertNothingOfThePartner(String text) {
        assertThat(text).contains("[partner]")
                .doesNotContainIgnoringCase(couple.partnerFirstName())
                .doesNotContainIgnoringCase(couple.partnerName())
                .doesNotContainIgnoringCase(couple.partnerEmail())
                .doesNotContain(couple.partnerPhone())
                .doesNotContain(couple.partner().reference())
                .doesNotContain(couple.partnerSecret())
                .doesNotContain(couple.partnerNote());
    }

    private static SubjectAccessExport.Answer answer(SubjectAccessExport export, String itemId) {
        return export.answers().stream().filter(a -> a.itemId().equals(itemId)).findFirst().orElseThrow();
    }
}
