package app.thaw.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.IntegrationTest;
import app.thaw.scheduling.AppointmentBooked;
import app.thaw.scheduling.AppointmentNotice;

/**
 * What a booking's transaction owes its clients by email: a confirmation debt when someone is to be emailed, settled
 * as the booking commits; nothing at all when every client said email is not safe, or gave no usable address.
 */
@IntegrationTest
class BookingConfirmationDebtIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClientToEmailIsOwedAConfirmationUntilTheBookingCommits() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now().plusDays(3), 0,
                TestNotices.recipient("Sam", "sam." + id + "@example.org"), new AppointmentNotice.Recipient(null, "Alex"));

        assertThat(owedInsideTheBooking(notice)).isEqualTo(1);

        assertThat(owed(id)).as("settled just after the commit").isZero();
        assertThat(recipientsEmailed(id)).containsExactly("sam." + id + "@example.org");
    }

    @Test
    void clientsNobodyMayEmailAreOwedNothing() {
        long id = TestNotices.newAppointmentId();
        var notice = TestNotices.online(id, ZonedDateTime.now().plusDays(3), 0,
                new AppointmentNotice.Recipient(null, "Alex"), TestNotices.recipient("Kit", "not an address"));

        assertThat(owedInsideTheBooking(notice)).as("no debt for the sweep to find").isZero();

        assertThat(owed(id)).isZero();
        assertThat(recipientsEmailed(id)).isEmpty();
    }

    /** Publishes the booking's event as the booking does, and counts the debt before the transaction commits. */
    private long owedInsideTheBooking(AppointmentNotice notice) {
        List<Long> seen = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new AppointmentBooked(notice));
            seen.add(owed(notice.appointmentId()));
        });
        return seen.getFirst();
    }

    private long owed(long appointmentId) {
        return jdbc.queryForObject("select count(*) from booking_confirmation where appointment_id = ?", Long.class,
                appointmentId);
    }

    private List<String> recipientsEmailed(long appointmentId) {
        return jdbc.queryForList("select recipient from outbox_message where appointment_id = ? and kind = 'BOOKED'",
                String.class, appointmentId);
    }
}
