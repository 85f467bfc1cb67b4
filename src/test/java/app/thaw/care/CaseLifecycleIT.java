package app.thaw.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.IntakeStatus;
import app.thaw.review.CareActions;
import app.thaw.review.ClosureReason;
import app.thaw.review.QueueFilter;
import app.thaw.review.QueueRow;
import app.thaw.review.QueueSort;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewQueueService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;

/**
 * The lifecycle test of issue 15: a couple's case walks from the forms arriving to closed through the real services,
 * and after every event both partners' status is what the events say, on the intake row the queue reads and in the
 * course of care; nobody sets a status by hand.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseLifecycleIT {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    ReviewQueueService reviewQueue;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions care;

    @Autowired
    CareRecords records;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    SessionChanges changes;

    @Autowired
    app.thaw.caseaccess.CaseAccess access;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void aCoupleFromTheirFormsToAClosedCaseHasTheStatusEachEventGivesIt() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word));
        assertStatus(alex.id(), IntakeStatus.AWAITING_PARTNER);
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));
        assertStatus(alex.id(), IntakeStatus.NEW);
        assertStatus(sam.id(), IntakeStatus.NEW);

        // therapist A opens the couple's case: both are in review; referring them to couples work refers both
        data.as("amira", () -> caseOpening.openCase(CaseReference.of(alex.reference())));
        assertBoth(alex.id(), sam.id(), IntakeStatus.IN_REVIEW);
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(alex.id()), ReferralKind.COUPLES, "Joint work.",
                null));
        assertBoth(alex.id(), sam.id(), IntakeStatus.REFERRED);
        assertThat(assignee(alex.id())).as("the therapist who referred holds the case").isEqualTo(data.idOf("amira"));
        assertThat(assignee(sam.id())).isEqualTo(data.idOf("amira"));
        data.as("amira", () -> care.addToWaitingList(IntakeId.of(alex.id()), true));
        assertBoth(alex.id(), sam.id(), IntakeStatus.WAITING);

        // the practice manager books a joint session with therapist B; cancelled, the couple is back to waiting
        long tom = data.idOf("tom");
        long first = book(data, alex.id(), sam.id(), tom);
        assertBoth(alex.id(), sam.id(), IntakeStatus.SCHEDULED);
        assertThat(assignee(alex.id())).as("booking a held case leaves it with its therapist")
                .isEqualTo(data.idOf("amira"));
        data.as("admin", () -> changes.cancel(AppointmentId.of(first), false, "Room flooded"));
        assertBoth(alex.id(), sam.id(), IntakeStatus.WAITING);
        long second = book(data, alex.id(), sam.id(), tom);
        assertBoth(alex.id(), sam.id(), IntakeStatus.SCHEDULED);

        // B sees the couple through the session, not in their queue (the case is A's)
        assertThat(data.as("tom", () -> caseOpening.openCase(CaseReference.of(alex.reference())))).isPresent();
        assertThat(data.as("amira", () -> reviewQueue.queue(QueueFilter.open().withSearch(word), QueueSort.DEFAULT, null,
                10))).extracting(QueueRow::reference).contains(alex.reference(), sam.reference());

        // the first attended session starts the therapy, for both
        happened(second);
        data.as("tom", () -> changes.recordOutcome(AppointmentId.of(second), AppointmentState.ATTENDED));
        assertBoth(alex.id(), sam.id(), IntakeStatus.IN_THERAPY);
        assertThat(events.stream(TherapyStarted.class).filter(e -> e.intakeId() == alex.id())).hasSize(1);
        CaseStage started = stage(data, alex.id());
        assertThat(started.course().started()).isNotNull();
        assertThat(started.course().attendedTreatmentSessions()).isEqualTo(1);

        // another attended session, then A ends therapy: a finished treatment (two treatment sessions)
        long third = book(data, alex.id(), sam.id(), tom);
        assertBoth(alex.id(), sam.id(), IntakeStatus.IN_THERAPY);
        happened(third);
        data.as("tom", () -> changes.recordOutcome(AppointmentId.of(third), AppointmentState.ATTENDED));
        data.as("amira", () -> care.endTherapy(IntakeId.of(alex.id()), TherapyOutcome.COMPLETED, true, false));
        assertBoth(alex.id(), sam.id(), IntakeStatus.ENDED);
        CaseStage ended = stage(data, sam.id());
        assertThat(ended.course().outcome()).isEqualTo(TherapyOutcome.COMPLETED);
        assertThat(ended.course().finishedTreatment()).isTrue();
        assertThat(events.stream(TherapyEnded.class).filter(e -> e.intakeId() == sam.id()))
                .singleElement().satisfies(e -> assertThat(e.finishedTreatment()).isTrue());

        // closed (the retention clock starts), and reopened when the couple come back
        data.as("amira", () -> care.closeCase(IntakeId.of(alex.id()), ClosureReason.THERAPY_ENDED, true));
        assertBoth(alex.id(), sam.id(), IntakeStatus.CLOSED);
        assertThat(jdbc.queryForObject("select closed_at from intake where id = ?", Timestamp.class, alex.id()))
                .isNotNull();
        data.as("amira", () -> care.reopenCase(IntakeId.of(alex.id())));
        assertStatus(alex.id(), IntakeStatus.IN_REVIEW);
        assertStatus(sam.id(), IntakeStatus.CLOSED);
        assertThat(jdbc.queryForObject("select closed_at from intake where id = ?", Timestamp.class, alex.id()))
                .isNull();

        // every change of status is on record with the case, without clinical words
        assertThat(data.audit(alex.id())).filteredOn(row -> "STATUS_CHANGED".equals(row.get("action")))
                .extracting(row -> row.get("detail")).containsExactly("NEW → IN_REVIEW",
                        "IN_REVIEW → REFERRED", "REFERRED → WAITING", "WAITING → SCHEDULED", "SCHEDULED → WAITING",
                        "WAITING → SCHEDULED", "SCHEDULED → IN_THERAPY", "IN_THERAPY → ENDED", "ENDED → CLOSED",
                        "CLOSED → IN_REVIEW");
    }

    @Test
    void bookingAnUnassignedCaseGivesItToTheTherapistItWasBookedWith() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Robin " + ReviewTestData.uniqueWord()));
        assertThat(assignee(client.id())).isNull();
        long grace = data.idOf("grace");
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var booked = data.as("admin", () -> scheduling.book(new BookingRequest(client.id(), null, grace, individual,
                SessionFormat.ONLINE, null, farFuture(), null)));
        assertThat(booked).isInstanceOf(BookingResult.Booked.class);
        assertThat(assignee(client.id())).isEqualTo(grace);
        assertStatus(client.id(), IntakeStatus.SCHEDULED);
        assertThat(data.auditActions(client.id())).containsSubsequence("CASE_ASSIGNED", "STATUS_CHANGED",
                "SESSION_BOOKED");
    }

    @Test
    void aClosedCaseHasNoSessionsToComeAndTakesNoneUntilItIsReopened() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Kai " + ReviewTestData.uniqueWord()));
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var booked = (BookingResult.Booked) data.as("admin", () -> scheduling.book(new BookingRequest(client.id(),
                null, data.idOf("grace"), individual, SessionFormat.ONLINE, null, farFuture(), null)));
        String when = app.thaw.base.PracticeTime.DAY_TIME.format(booked.session().start());

        assertThatThrownBy(() -> data.as("grace", () -> care.closeCase(IntakeId.of(client.id()),
                ClosureReason.CLIENT_WITHDREW, false)))
                .isInstanceOf(app.thaw.review.CaseActionRefused.class)
                .hasMessage(client.reference() + " still has a session booked, the next on " + when + ": cancel it "
                        + "in the diary first (the client is told), then close the case.");
        assertStatus(client.id(), IntakeStatus.SCHEDULED);
        assertThat(data.auditActions(client.id())).doesNotContain("CASE_CLOSED");

        data.as("grace", () -> changes.cancel(AppointmentId.of(booked.session().id()), true, "Moving away"));
        data.as("grace", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW, false));
        assertStatus(client.id(), IntakeStatus.CLOSED);

        // nor is a session booked for a closed case, by anyone, until a therapist reopens it
        for (String who : List.of("admin", "grace")) {
            var refused = data.as(who, () -> scheduling.book(new BookingRequest(client.id(), null, data.idOf("grace"),
                    individual, SessionFormat.ONLINE, null, farFuture(), null)));
            assertThat(refused).isInstanceOf(BookingResult.Blocked.class);
            assertThat(((BookingResult.Blocked) refused).refusal().message())
                    .startsWith(client.reference() + "'s case is closed.");
        }
        assertStatus(client.id(), IntakeStatus.CLOSED);
        data.as("grace", () -> care.reopenCase(IntakeId.of(client.id())));
        assertThat(data.as("grace", () -> scheduling.book(new BookingRequest(client.id(), null, data.idOf("grace"),
                individual, SessionFormat.ONLINE, null, farFuture(), null)))).isInstanceOf(BookingResult.Booked.class);
        assertStatus(client.id(), IntakeStatus.SCHEDULED);
    }

    private long book(ReviewTestData data, long client, long partner, long therapist) {
        long couples = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'", Long.class);
        BookingResult result = null;
        for (int attempt = 0; attempt < 5 && !(result instanceof BookingResult.Booked); attempt++) {
            ZonedDateTime start = farFuture();
            result = data.as("admin", () -> scheduling.book(new BookingRequest(client, partner, therapist, couples,
                    SessionFormat.ONLINE, null, start, null)));
        }
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).session().id();
    }

    /** Time passes: the session moves to an hour that has gone (a free one in the past), still booked. */
    private void happened(long appointmentId) {
        var random = ThreadLocalRandom.current();
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2021, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                LocalTime.of(8 + random.nextInt(10), 5 * random.nextInt(12)), Application.PRACTICE_ZONE);
        jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?",
                Timestamp.from(start.toInstant()), Timestamp.from(start.plusMinutes(80).toInstant()), appointmentId);
    }

    private CaseStage stage(ReviewTestData data, long intakeId) {
        return data.as("amira", () -> records.stage(access.require(intakeId,
                app.thaw.caseaccess.CaseOperation.READ_CLINICAL)));
    }

    private void assertBoth(long first, long second, IntakeStatus status) {
        assertStatus(first, status);
        assertStatus(second, status);
    }

    private void assertStatus(long intakeId, IntakeStatus status) {
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, intakeId))
                .as("status of intake " + intakeId).isEqualTo(status.name());
        var fold = CaseLifecycle.fold(jdbc.query("select * from care_event where intake_id = ? order by id",
                (rs, row) -> new CareEvent(CareEventKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("appointment_id") == null ? null : rs.getLong("appointment_id"),
                        rs.getBoolean("treatment"),
                        rs.getString("outcome") == null ? null : TherapyOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("referral_kind")), intakeId));
        assertThat(fold.status()).as("status the events of intake " + intakeId + " give").isEqualTo(status);
    }

    private Long assignee(long intakeId) {
        return jdbc.queryForObject("select queue_assignee_id from intake where id = ?", Long.class, intakeId);
    }

    private static ZonedDateTime farFuture() {
        return app.thaw.FreeTimes.next();
    }
}
