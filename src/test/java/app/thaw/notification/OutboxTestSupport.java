package app.thaw.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.intake.IntakeService;

/** The services the outbox integration tests drive, and the transaction and outbox queries several of them share. */
abstract class OutboxTestSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxWriter writer;
    @Autowired
    ReminderJob reminders;
    @Autowired
    Outbox outbox;
    @Autowired
    BookingConfirmations confirmations;
    @Autowired
    ClientEmails clientEmails;
    @Autowired
    IntakeService intake;
    @Autowired
    Clock clock;

    void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    List<Map<String, Object>> rowsOf(long appointmentId) {
        return jdbc.queryForList("select * from outbox_message where appointment_id = ? order by id", appointmentId);
    }

    static String address() {
        return "10.9." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
    }
}
