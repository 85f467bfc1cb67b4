package app.thaw.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.QueueFilter;
import app.thaw.review.QueueSort;
import app.thaw.review.ReferralKind;
import app.thaw.review.CaseWorkService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewQueueService;
import app.thaw.review.ReviewTestData;
import app.thaw.review.domain.EncryptedColumns.NoteBody;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.domain.EncryptedColumns.RequestMessage;

/**
 * The staff side and the client's session requests take hostile text too: kept exactly as typed, or
 * refused with a message the screen shows; a colleague's case stays "not found" however it is asked for.
 * Runs as the demo accounts through {@link ReviewTestData#as} (the one place sign-in is simulated).
 */
@IntegrationTest
class StaffInputAbuseIT {

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    ReviewQueueService reviewQueue;

    @Autowired
    app.thaw.review.CaseAssignments assignments;

    @Autowired
    app.thaw.review.ReferralService referrals;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    app.thaw.scheduling.SessionChanges changes;

    @Autowired
    DiarySetupService diary;

    @Autowired
    NoteBody noteBodies;

    @Autowired
    RequestMessage requestMessages;

    ReviewTestData data;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
    }

    @Test
    void notesKeepHostileTextExactlyAndRefuseTooLongOrUnstorableTextInWords() {
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Noted"));
        data.as("amira", () -> {
            HostileText.STORED_AS_TYPED.forEach((what, text) -> caseWork.addNote(IntakeId.of(submitted.id()), text));
            refusedInWords(() -> caseWork.addNote(IntakeId.of(submitted.id()), HostileText.MEGABYTE));
            HostileText.UNSTORABLE.values().forEach(text -> refusedInWords(() -> caseWork.addNote(IntakeId.of(submitted.id()), text)));
        });

        assertThat(jdbc.queryForList("select body from case_note where intake_id = ? order by id", String.class,
                submitted.id())).map(body -> asTheApplicationReadsIt(noteBodies, body))
                .containsExactlyElementsOf(HostileText.STORED_AS_TYPED.values());
    }

    @Test
    void referralAndAmendmentReasonsRefuseUnstorableAndHugeText() {
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Reasons"));
        data.as("amira", () -> {
            for (String text : List.of(HostileText.MEGABYTE, "GP\u0000letter", "GP\uD800letter")) {
                refusedInWords(() -> referrals.decideReferral(IntakeId.of(submitted.id()),
                        ReferralKind.GP_MEDICATION_REVIEW, text, null));
                assertThat(caseWork.amendAnswer(IntakeId.of(submitted.id()), "about.phone", List.of("07700 900456"),
                        text))
                        .as(text.length() + " characters").isPresent();
                assertThat(caseWork.amendAnswer(IntakeId.of(submitted.id()), "about.phone", List.of(text),
                        "Client phoned"))
                        .isPresent();
            }
        });
        assertThat(jdbc.queryForObject("select count(*) from intake_amendment where intake_id = ?", Long.class,
                submitted.id())).isZero();
    }

    @Test
    void aColleaguesCaseIsNotFoundAndTheAttemptAuditedAndOddReferencesFindNothing() {
        var toms = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Toms"));
        data.as("tom", () -> assignments.assignToMe(IntakeId.of(toms.id())));

        data.as("amira", () -> {
            assertThat(caseOpening.openCase(CaseReference.of(toms.reference()))).isEmpty();
            assertThat(CaseReference.typed(" " + toms.reference().toLowerCase() + " ").flatMap(caseOpening::openCase))
                    .isEmpty();
            for (String reference : List.of("", "THW-", "THW-000000", "'; drop table intake; --",
                    "THW-' or '1'='1", "<script>window.__pwned=1</script>", "THW-\u0000", "\uD800",
                    HostileText.MEGABYTE)) {
                assertThat(CaseReference.typed(reference).flatMap(caseOpening::openCase))
                        .as(reference.length() + " characters").isEmpty();
                assertThat(reviewQueue.queue(QueueFilter.open().withSearch(reference), QueueSort.DEFAULT, null, 50))
                        .noneMatch(row -> row.reference().equals(toms.reference()));
            }
        });

        assertThat(data.auditActions(toms.id())).contains("CASE_ACCESS_DENIED").doesNotContain("CASE_OPENED");
    }

    @Test
    void aClientsSessionRequestAndTheCancelReasonRefuseUnstorableAndHugeText() {
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Sessions"));
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'",
                Long.class);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 10, 4).plusDays(submitted.id() % 5),
                LocalTime.of(8, 0).plusMinutes(10 * (submitted.id() % 50)), ZoneId.of("Europe/London"));
        data.as("admin", () -> scheduling.book(new BookingRequest(submitted.id(), null, data.idOf("grace"),
                individual, SessionFormat.ONLINE, null, start, null)));
        long appointment = jdbc.queryForObject("select id from appointment where intake_id = ?", Long.class,
                submitted.id());
        String status = submitted.receipt().statusToken();

        // a client's pasted text is cleaned (control characters and broken halves removed), never refused for them
        refusedInWords(() -> clientStatus.requestAppointmentChange(status, AppointmentId.of(appointment), false,
                HostileText.MEGABYTE));
        for (String text : List.of(HostileText.MEGABYTE, "Sorry\u0000", "Sorry\uDC00")) {
            data.as("admin", () -> refusedInWords(() -> changes.cancel(AppointmentId.of(appointment), true, text)));
            data.as("admin", () -> refusedInWords(() -> diary.addRoom(text)));
        }
        // a forged appointment id of someone else's session is refused like an unknown one
        refusedInWords(() -> clientStatus.requestAppointmentChange(status, AppointmentId.of(appointment + 100_000),
                true, null));

        String hostile = HostileText.STORED_AS_TYPED.get("image onerror");
        clientStatus.requestAppointmentChange(status, AppointmentId.of(appointment), false, hostile);
        assertThat(asTheApplicationReadsIt(requestMessages, jdbc.queryForObject(
                "select message from appointment_request where appointment_id = ?", String.class, appointment)))
                .isEqualTo(hostile);
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, appointment))
                .isEqualTo("BOOKED");
    }

    /** A stored value must be ciphertext (ADR 5); decrypted by the column's own converter, it is what was typed. */
    private static String asTheApplicationReadsIt(EncryptedText column, String stored) {
        assertThat(stored).as(column.context()).startsWith(FieldCipher.PREFIX);
        return column.convertToEntityAttribute(stored);
    }

    /** The refusal is an exception the screens catch and show, with words, not a database error. */
    private static void refusedInWords(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).isInstanceOfAny(IllegalArgumentException.class, CaseActionRefused.class);
        assertThat(thrown.getMessage()).isNotBlank().doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("constraint");
    }
}
