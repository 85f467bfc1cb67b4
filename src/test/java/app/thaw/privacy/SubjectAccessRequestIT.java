package app.thaw.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.PdfText;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.retention.ErasureService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.FactorService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * Subject access with the clinician's check, through the real services and database: recorded by the practice
 * manager, reviewed and partly withheld by the named clinician, downloaded only after that and without what was
 * withheld; and every way round it refused.
 */
@IntegrationTest
class SubjectAccessRequestIT {

    @Autowired
    SubjectAccessRequests requests;
    @Autowired
    DisclosureReviews reviews;
    @Autowired
    IntakeService intake;
    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    FactorService factorService;
    @Autowired
    CaseAssignments assignments;
    @Autowired
    ReferralService referrals;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    app.thaw.scheduling.SessionChanges changes;
    @Autowired
    ErasureService erasure;
    @Autowired
    UserDetailsService staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    ReviewTestData data;
    PrivacyTestData.Couple couple;
    SubjectAccessSteps steps;
    long client;

    @BeforeEach
    void aCoupleWhoseCaseAmiraHolds() {
        data = new ReviewTestData(intake, staff, jdbc);
        couple = new PrivacyTestData(data, caseOpening, caseWork, factorService, assignments, referrals, scheduling, changes, jdbc).couple();
        steps = new SubjectAccessSteps(data, requests, reviews);
        client = couple.client().id();
    }

    @Test
    void theManagerRecordsTheClinicianWithholdsAndOnlyThenTheFilesGoOutWithoutWhatWasWithheld() throws IOException {
        ReviewerChoice choice = data.as("admin", () -> requests.reviewerChoice(IntakeId.of(client)));
        assertThat(choice.suggested()).as("the case's therapist").isEqualTo(data.idOf("amira"));
        assertThat(choice.reviewers()).extracting(ReviewerChoice.Reviewer::name).containsExactly("Dr Amira Khan");

        LocalDate received = SubjectAccessSteps.today().minusDays(3);
        AccessRequestView recorded = data.as("admin", () -> requests.record(IntakeId.of(client), received, null));
        assertThat(recorded.status()).isEqualTo(AccessRequestStatus.AWAITING_REVIEW);
        assertThat(recorded.reviewerName()).isEqualTo("Dr Amira Khan");
        assertThat(recorded.dueOn()).isEqualTo(SubjectAccessDeadline.due(received, 0));
        assertThat(recorded.daysLeft()).isEqualTo(SubjectAccessDeadline.daysLeft(recorded.dueOn(),
                SubjectAccessSteps.today())).isPositive();

        // nothing goes out before the clinician's review
        assertThatThrownBy(() -> steps.json(recorded.id())).isInstanceOf(SubjectAccessRefused.class)
                .hasMessageContaining("once Dr Amira Khan has reviewed them");
        assertThatThrownBy(() -> steps.pdf(recorded.id())).isInstanceOf(SubjectAccessRefused.class);
        assertThat(data.auditActions(client)).doesNotContain("SUBJECT_ACCESS_EXPORTED");

        assertThat(data.as("amira", () -> reviews.waitingForMe())).extracting(AccessRequestView::id)
                .contains(recorded.id());
        DisclosureReview opened = data.as("amira", () -> reviews.open(AccessRequestId.of(recorded.id())));
        String clientNote = couple.clientNote().replace(couple.partnerFirstName(), "[partner]");
        DisclosureItem note = item(opened, i -> i.text().equals(clientNote));
        DisclosureItem answer = item(opened, i -> i.key().equals("answer:presenting.what_brings_you"));
        DisclosureItem referral = item(opened, i -> i.group().equals(DisclosureItems.REFERRALS));
        DisclosureItem factor = item(opened, i -> i.group().equals(DisclosureItems.FACTORS)
                && i.text().contains("by Dr Amira Khan"));
        assertThat(answer.text()).isEqualTo("Since the baby [partner] and I barely talk.");
        String reason = "Reasonwithheld" + ReviewTestData.uniqueWord() + ": reading this now would harm her";
        AccessRequestView approved = data.as("amira", () -> reviews.approve(AccessRequestId.of(recorded.id()), Map.of(
                note.key(), reason, answer.key(), reason, referral.key(), reason, factor.key(), reason),
                opened.content()));
        assertThat(approved.status()).isEqualTo(AccessRequestStatus.APPROVED_WITH_REDACTIONS);
        assertThat(approved.reviewedBy()).isEqualTo("Dr Amira Khan");

        // the manager sees the state, never what was withheld
        AccessRequestView seen = data.as("admin", () -> requests.requests(IntakeId.of(client))).getFirst();
        assertThat(seen.withheldAny()).isTrue();
        assertThat(seen.toString()).doesNotContain(reason).doesNotContain("barely talk");

        ExportFile jsonFile = steps.json(recorded.id());
        String text = new String(jsonFile.content(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("barely talk").doesNotContain(clientNote)
                .doesNotContain("Both want to work on talking again").doesNotContain(reason)
                .doesNotContain("presenting.what_brings_you").contains("withheld under the Data Protection Act 2018");
        SubjectAccessExport export = json.readValue(jsonFile.content(), SubjectAccessExport.class);
        assertThat(export.notes()).isEmpty();
        assertThat(export.referrals()).isEmpty();
        assertThat(export.factors()).extracting(SubjectAccessExport.Factor::label).doesNotContain(factor.title());
        assertThat(export.answers()).extracting(SubjectAccessExport.Answer::itemId)
                .doesNotContain("presenting.what_brings_you").contains("about.phone");
        assertThat(export.leftOut()).contains(DisclosureItems.WITHHELD_STATEMENT);
        assertThat(text).doesNotContainIgnoringCase(couple.partnerName()).doesNotContain(couple.partnerNote())
                .doesNotContain(couple.partnerSecret());

        String pdf = PdfText.of(steps.pdf(recorded.id()).content());
        assertThat(pdf.replace("\n", " ")).doesNotContain("barely talk").doesNotContain("joined for the last ten")
                .doesNotContain("Both want to work on talking").doesNotContain(reason)
                .contains("withheld under the Data Protection Act", couple.clientName(), "New number given by phone");

        // released at the first download, by the manager; every step audited without clinical words
        AccessRequestView released = data.as("admin", () -> requests.requests(IntakeId.of(client))).getFirst();
        assertThat(released.status()).isEqualTo(AccessRequestStatus.RELEASED);
        assertThat(released.releasedBy()).isEqualTo("Priya Shah");
        var audit = data.audit(client);
        assertThat(audit).extracting(row -> row.get("action")).contains("SUBJECT_ACCESS_REQUESTED",
                "SUBJECT_ACCESS_REVIEW_OPENED", "SUBJECT_ACCESS_APPROVED", "SUBJECT_ACCESS_RELEASED",
                "SUBJECT_ACCESS_EXPORTED");
        assertThat(audit).filteredOn(row -> "SUBJECT_ACCESS_RELEASED".equals(row.get("action"))).hasSize(1);
        assertThat(audit).filteredOn(row -> String.valueOf(row.get("action")).startsWith("SUBJECT_ACCESS"))
                .allSatisfy(row -> assertThat(String.valueOf(row.get("detail"))).doesNotContain(reason)
                        .doesNotContain("barely talk").doesNotContain("joined"))
                .allSatisfy(row -> assertThat(row.get("case_reference")).isEqualTo(couple.client().reference()));

        // what was withheld, and why, is ciphertext in the database
        assertThat(jdbc.queryForList("select item_key || item_title || reason from subject_access_withheld "
                + "where request_id = ?", String.class, recorded.id())).hasSize(4).allSatisfy(stored ->
                assertThat(stored).startsWith("enc:v1:").doesNotContain("Reasonwithheld").doesNotContain("note:"));
        // and the clinician still finds it with their reasons
        DisclosureReview again = data.as("amira", () -> reviews.open(AccessRequestId.of(recorded.id())));
        assertThat(again.open()).isFalse();
        assertThat(again.withheld()).containsEntry(note.key(), reason).hasSize(4);
    }

    @Test
    void onlyTheNamedClinicianReviewsAndTheManagerNeverDoes() {
        long id = steps.record(client, "amira").id();

        // Tom's only session with the couple was cancelled: to the policy he is a colleague
        assertThatThrownBy(() -> data.as("tom", () -> reviews.open(AccessRequestId.of(id))))
                .isInstanceOf(CaseNotFound.class);
        assertThatThrownBy(() -> data.as("tom", () -> reviews.approve(AccessRequestId.of(id), Map.of(), "x")))
                .isInstanceOf(CaseNotFound.class);
        // Grace has a session with the client, so may read the case, but is not the one named to review
        bookWith("grace");
        assertThatThrownBy(() -> data.as("grace", () -> reviews.open(AccessRequestId.of(id))))
                .isInstanceOf(CaseNotFound.class)
                .hasMessage(CaseNotFound.MESSAGE);
        assertThat(data.as("grace", () -> reviews.waitingForMe())).extracting(AccessRequestView::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> data.as("admin", () -> reviews.open(AccessRequestId.of(id))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as("admin", () -> reviews.approve(AccessRequestId.of(id), Map.of(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as("amira", () -> requests.record(IntakeId.of(client),
                SubjectAccessSteps.today(), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.open(AccessRequestId.of(id))).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);

        var denials = data.audit(client).stream().filter(row -> "CASE_ACCESS_DENIED".equals(row.get("action")))
                .toList();
        assertThat(denials).extracting(row -> row.get("actor_name")).contains("Tom Whitfield", "Grace Okafor");
        assertThat(denials).extracting(row -> String.valueOf(row.get("detail")))
                .anySatisfy(detail -> assertThat(detail).contains("another clinician is named"));
        assertThat(data.auditActions(client)).contains("ACCESS_DENIED").doesNotContain("SUBJECT_ACCESS_APPROVED");
        assertThatThrownBy(() -> data.as("amira", () -> reviews.open(AccessRequestId.of(Long.MAX_VALUE))))
                .isInstanceOf(CaseNotFound.class);

        // the manager hands the review to Grace, who now may review it
        data.as("admin", () -> requests.changeReviewer(AccessRequestId.of(id), StaffId.of(data.idOf("grace"))));
        assertThat(data.as("grace", () -> reviews.waitingForMe())).extracting(AccessRequestView::id).contains(id);
        assertThat(data.as("grace", () -> reviews.open(AccessRequestId.of(id))).items()).isNotEmpty();
        assertThatThrownBy(() -> data.as("amira", () -> reviews.open(AccessRequestId.of(id))))
                .isInstanceOf(CaseNotFound.class);
        // and never to someone with no part in the client's care
        assertThatThrownBy(() -> data.as("admin", () -> requests.changeReviewer(AccessRequestId.of(id), StaffId.of(data.idOf("tom")))))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("no part in this client's care");
    }

    @Test
    void anApprovalCoversOnlyTheRecordAsReviewed() {
        long id = steps.record(client, "amira").id();
        DisclosureReview opened = data.as("amira", () -> reviews.open(AccessRequestId.of(id)));
        String laterNote = "Laternote" + ReviewTestData.uniqueWord();
        data.as("amira", () -> caseWork.addNote(IntakeId.of(client), laterNote));

        // changed while the clinician was looking: refused, they must see what they approve
        assertThatThrownBy(() -> data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of(), opened.content())))
                .isInstanceOf(SubjectAccessRefused.ReviewOutdated.class);
        // a part withheld needs its reason, and must be in the record
        DisclosureReview fresh = data.as("amira", () -> reviews.open(AccessRequestId.of(id)));
        String key = fresh.items().getFirst().key();
        assertThatThrownBy(() -> data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of(key, "  "), fresh.content())))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("Give the reason");
        assertThatThrownBy(() -> data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of("note:nothing", "why"),
                fresh.content()))).isInstanceOf(SubjectAccessRefused.ReviewOutdated.class);
        data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of(), fresh.content()));
        assertThatThrownBy(() -> data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of(), fresh.content())))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("already decided");

        // changed after approval: the download sends it back to the clinician instead of releasing it
        String afterApproval = "Afterapproval" + ReviewTestData.uniqueWord();
        data.as("amira", () -> caseWork.addNote(IntakeId.of(client), afterApproval));
        assertThatThrownBy(() -> steps.json(id)).isInstanceOf(SubjectAccessRefused.ReviewOutdated.class)
                .hasMessageContaining("gone back to them");
        AccessRequestView back = data.as("admin", () -> requests.requests(IntakeId.of(client))).getFirst();
        assertThat(back.status()).isEqualTo(AccessRequestStatus.AWAITING_REVIEW);
        assertThat(data.auditActions(client)).contains("SUBJECT_ACCESS_RETURNED").doesNotContain(
                "SUBJECT_ACCESS_RELEASED");

        DisclosureReview third = data.as("amira", () -> reviews.open(AccessRequestId.of(id)));
        assertThat(third.items()).extracting(DisclosureItem::text).contains(laterNote, afterApproval);
        data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of(), third.content()));
        assertThat(new String(steps.json(id).content(), StandardCharsets.UTF_8)).contains(afterApproval)
                .doesNotContain("withheld under the Data Protection Act");
    }

    @Test
    void oneOpenRequestPerClientADateNotInTheFutureAndTheLawfulExtension() {
        LocalDate today = SubjectAccessSteps.today();
        assertThatThrownBy(() -> data.as("admin", () -> requests.record(IntakeId.of(client), today.plusDays(1), null)))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("future");
        assertThatThrownBy(() -> data.as("admin", () -> requests.record(IntakeId.of(client), null, null)))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("Enter the date");
        assertThatThrownBy(() -> data.as("admin", () -> requests.record(IntakeId.of(client), today,
                StaffId.of(data.idOf("tom")))))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("no part in this client's care");

        AccessRequestView first = data.as("admin", () -> requests.record(IntakeId.of(client), today, null));
        assertThatThrownBy(() -> data.as("admin", () -> requests.record(IntakeId.of(client), today, null)))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("already has an open");
        // the database says the same to anything that skips the service
        long admin = data.idOf("admin");
        assertThatThrownBy(() -> jdbc.update("""
                insert into subject_access_request (intake_id, received_on, recorded_by, recorded_at, reviewer_id,
                                                    status) values (?, current_date, ?, now(), ?, 'AWAITING_REVIEW')""",
                client, admin, admin)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("""
                insert into subject_access_request (intake_id, received_on, recorded_by, recorded_at, reviewer_id,
                                                    status) values (?, current_date + 5, ?, now(), ?, 'WITHDRAWN')""",
                couple.partner().id(), admin, admin)).isInstanceOf(DataIntegrityViolationException.class);

        assertThatThrownBy(() -> data.as("admin", () -> requests.extend(AccessRequestId.of(first.id()), 3, "Many records")))
                .isInstanceOf(SubjectAccessRefused.class);
        assertThatThrownBy(() -> data.as("admin", () -> requests.extend(AccessRequestId.of(first.id()), 2, " ")))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("reason");
        AccessRequestView extended = data.as("admin", () -> requests.extend(AccessRequestId.of(first.id()), 2,
                "Records from three services to gather"));
        assertThat(extended.dueOn()).isEqualTo(SubjectAccessDeadline.due(today, 2));
        assertThat(extended.extensionMonths()).isEqualTo(2);
        assertThat(extended.extendable()).isFalse();
        assertThatThrownBy(() -> data.as("admin", () -> requests.extend(AccessRequestId.of(first.id()), 1, "Again")))
                .isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("already extended");

        AccessRequestView withdrawn = data.as("admin", () -> requests.withdraw(AccessRequestId.of(first.id()), "Recorded in error"));
        assertThat(withdrawn.status()).isEqualTo(AccessRequestStatus.WITHDRAWN);
        assertThatThrownBy(() -> steps.json(first.id())).isInstanceOf(SubjectAccessRefused.class)
                .hasMessageContaining("withdrawn");
        assertThat(data.as("admin", () -> requests.record(IntakeId.of(client), today, null)).status())
                .isEqualTo(AccessRequestStatus.AWAITING_REVIEW);
        assertThat(data.auditActions(client)).contains("SUBJECT_ACCESS_EXTENDED", "SUBJECT_ACCESS_WITHDRAWN");
    }

    @Test
    void aCaseNobodyHoldsWaitsForTheManagerToChooseItsReviewer() {
        var alone = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Unheld"));
        ReviewerChoice choice = data.as("admin", () -> requests.reviewerChoice(IntakeId.of(alone.id())));
        assertThat(choice.suggested()).isNull();
        assertThat(choice.reviewers()).extracting(ReviewerChoice.Reviewer::name)
                .contains("Dr Amira Khan", "Tom Whitfield", "Grace Okafor");
        assertThatThrownBy(() -> data.as("admin", () -> requests.record(IntakeId.of(alone.id()),
                SubjectAccessSteps.today(),
                null))).isInstanceOf(SubjectAccessRefused.class).hasMessageContaining("Choose the clinician");
        assertThat(data.as("admin", () -> requests.record(IntakeId.of(alone.id()), SubjectAccessSteps.today(),
                StaffId.of(data.idOf("tom")))).reviewerName()).isEqualTo("Tom Whitfield");
    }

    @Test
    void erasingTheClientBlanksTheCliniciansWordsAboutThem() {
        long id = steps.record(client, "amira").id();
        DisclosureReview opened = data.as("amira", () -> reviews.open(AccessRequestId.of(id)));
        data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of(opened.items().getFirst().key(),
                "Harmful now"), opened.content()));

        data.as("admin", () -> erasure.erase(CaseReference.of(couple.client().reference()), "Written request of 3 March"));

        assertThat(jdbc.queryForList("select coalesce(item_title, '') || coalesce(reason, '') from "
                + "subject_access_withheld where request_id = ?", String.class, id)).containsExactly("");
        // the erased record is not the one approved: it goes back for review rather than out
        assertThatThrownBy(() -> steps.json(id)).isInstanceOf(SubjectAccessRefused.ReviewOutdated.class);
    }

    private void bookWith(String therapist) {
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        BookingResult booked = null;
        for (int attempt = 0; attempt < 5 && !(booked instanceof BookingResult.Booked); attempt++) {
            var random = ThreadLocalRandom.current();
            ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2033 + random.nextInt(6), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), LocalTime.of(8 + random.nextInt(9), 15 * random.nextInt(4)),
                    Application.PRACTICE_ZONE);
            BookingRequest request = new BookingRequest(client, null, data.idOf(therapist), type, SessionFormat.ONLINE,
                    null, start, null);
            booked = data.as("admin", () -> scheduling.book(request));
        }
        assertThat(booked).isInstanceOf(BookingResult.Booked.class);
    }

    private static DisclosureItem item(DisclosureReview review, java.util.function.Predicate<DisclosureItem> which) {
        List<DisclosureItem> found = review.items().stream().filter(which).toList();
        assertThat(found).as("parts of the export").isNotEmpty();
        return found.getFirst();
    }
}
