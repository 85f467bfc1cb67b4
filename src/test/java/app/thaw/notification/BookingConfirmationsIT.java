package app.thaw.notification;

import static app.thaw.notification.TestNotices.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.IntegrationTest;
import app.thaw.scheduling.AppointmentBooked;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.SessionNotices;

/**
 * A booking's confirmation email: queued once per client after the commit, none on rollback, swept once after a
 * crash, and nothing owed when no client may be emailed.
 */
@IntegrationTest
class BookingConfirmationsIT extends OutboxTestSupport {

    @Test
    void aBookingQueuesOneEmailPerClientWithAnInvitationAndARepeatedEventAddsNothing() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.inPerson(id, ZonedDateTime.now(clock).plusDays(5), 0,
                recipient("Sam", "Sam." + id + "@Example.org"), recipient("Alex", "alex." + id + "@example.org"));

        inTransaction(() -> events.publishEvent(new AppointmentBooked(notice)));
        inTransaction(() -> events.publishEvent(new AppointmentBooked(notice)));

        var rows = rowsOf(id);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("kind")).isEqualTo("BOOKED");
            assertThat(row.get("ics_method")).isEqualTo("REQUEST");
            assertThat((String) row.get("ics")).contains("UID:appointment-" + id + "@thaw");
            assertThat(row.get("sequence")).isEqualTo(0);
            assertThat(row.get("status")).isEqualTo(writer.deliveryConfigured() ? "PENDING" : "CAPTURED");
            TestNotices.assertNothingClinical((String) row.get("subject"));
            TestNotices.assertNothingClinical((String) row.get("body_text"));
            TestNotices.assertNothingClinical((String) row.get("ics"));
        });
        assertThat(rows).extracting(row -> row.get("recipient"))
                .containsExactlyInAnyOrder("Sam." + id + "@Example.org", "alex." + id + "@example.org");
    }

    @Test
    void aBookingThatRollsBackLeavesNoEmail() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now(clock).plusDays(2), 0, recipient("Sam", "s@example.org"));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new AppointmentBooked(notice));
            // the confirmation is rendered only once the booking has committed (issue 20: not inside the booking)
            assertThat(rowsOf(id)).isEmpty();
            status.setRollbackOnly();
        });

        assertThat(rowsOf(id)).isEmpty();
    }

    @Test
    void aBookingIsConfirmedAsSoonAsItCommits() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now(clock).plusDays(2), 0, recipient("Kit", "k@example.org"),
                new AppointmentNotice.Recipient(null, "Alex"));

        assertThat(owedInsideTheBooking(notice)).as("owed until the commit, for the sweep should it be lost").isOne();

        assertThat(rowsOf(id)).extracting(row -> row.get("recipient")).containsExactly("k@example.org");
        assertThat(owed(id)).as("the confirmation owed is settled with its email").isZero();
    }

    @Test
    void clientsNobodyMayEmailAreOwedNothing() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now(clock).plusDays(3), 0,
                new AppointmentNotice.Recipient(null, "Alex"), recipient("Kit", "not an address"));

        assertThat(owedInsideTheBooking(notice)).as("no debt for the sweep to find").isZero();

        assertThat(owed(id)).isZero();
        assertThat(rowsOf(id)).isEmpty();
    }

    @Test
    void aConfirmationLostToACrashIsRenderedOnceByTheSweep() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.inPerson(id, ZonedDateTime.now(clock).plusDays(4), 0,
                recipient("Sam", "sam." + id + "@example.org"), recipient("Alex", "alex." + id + "@example.org"));
        // what a booking that committed just before the process died leaves behind: the debt, no email
        Instant committed = clock.instant().minus(Duration.ofMinutes(2));
        jdbc.update("insert into booking_confirmation (appointment_id, sequence, created_at) values (?, 0, ?)", id,
                java.sql.Timestamp.from(committed));
        SessionNotices diary = ids -> ids.contains(id) ? List.of(notice) : List.of();

        assertThat(confirmations.sweep(diary, clock.instant())).isEqualTo(2);
        assertThat(confirmations.sweep(diary, clock.instant())).isZero();
        inTransaction(() -> events.publishEvent(new AppointmentBooked(notice)));

        assertThat(rowsOf(id)).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("kind")).isEqualTo("BOOKED");
            assertThat((String) row.get("ics")).contains("UID:appointment-" + id + "@thaw");
            TestNotices.assertNothingClinical((String) row.get("body_text"));
        });
        assertThat(owed(id)).isZero();
    }

    @Test
    void theSweepLeavesAConfirmationJustOwedAndDropsOneForASessionChangedSince() {
        long id = TestNotices.newAppointmentId();
        var moved = TestNotices.online(id, ZonedDateTime.now(clock).plusDays(4), 1,
                recipient("Kit", "k" + id + "@x.org"));
        jdbc.update("insert into booking_confirmation (appointment_id, sequence, created_at) values (?, 0, ?)", id,
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(2))));
        long fresh = TestNotices.newAppointmentId();
        jdbc.update("insert into booking_confirmation (appointment_id, sequence, created_at) values (?, 0, ?)", fresh,
                java.sql.Timestamp.from(clock.instant()));
        SessionNotices diary = ids -> ids.contains(id) ? List.of(moved) : List.of();

        assertThat(confirmations.sweep(diary, clock.instant())).isZero();

        assertThat(owed(id)).as("the move told the client; version 0's confirmation is dropped").isZero();
        assertThat(rowsOf(id)).isEmpty();
        assertThat(owed(fresh)).as("still within the minute its booking's own thread has").isEqualTo(1);
        jdbc.update("delete from booking_confirmation where appointment_id = ?", fresh);
    }

    /** Publishes the booking's event as the booking does, and counts the debt before the transaction commits. */
    private long owedInsideTheBooking(AppointmentNotice notice) {
        long[] seen = new long[1];
        inTransaction(() -> {
            events.publishEvent(new AppointmentBooked(notice));
            seen[0] = owed(notice.appointmentId());
        });
        return seen[0];
    }

    private long owed(long appointmentId) {
        return jdbc.queryForObject("select count(*) from booking_confirmation where appointment_id = ?", Long.class,
                appointmentId);
    }
}
