package app.thaw.base.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;

@IntegrationTest
class EventResubmissionIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FailOnceListener listener;

    @Autowired
    EventResubmission resubmission;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Test
    void aListenerThatFailsOnceIsCompletedOnResubmission() {
        String key = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> events.publishEvent(new ProbeEvent(key)));

        assertThat(listener.handled()).doesNotContain(key);
        assertThat(publications(key)).isEqualTo(1);

        // too young to be taken: it might still be running on another instance
        assertThat(resubmission.resubmitOlderThan(Duration.ofHours(1))).isTrue();
        assertThat(listener.handled()).doesNotContain(key);

        assertThat(resubmission.resubmitOlderThan(Duration.ZERO)).isTrue();
        assertThat(listener.handled()).containsOnlyOnce(key);
        // completed publications are deleted: nothing of the event stays behind
        assertThat(publications(key)).isZero();

        resubmission.resubmitOlderThan(Duration.ZERO);
        assertThat(listener.handled()).containsOnlyOnce(key);
    }

    @Test
    void oneInstanceResubmitsAtATime() {
        Boolean second = transactions.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, EventResubmission.LOCK);
            // another instance's turn, as seen from here: a thread with its own connection
            var other = new java.util.concurrent.atomic.AtomicReference<Boolean>();
            Thread thread = Thread.ofVirtual().start(() -> other.set(resubmission.resubmitOlderThan(Duration.ZERO)));
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return other.get();
        });
        assertThat(second).isFalse();
    }

    @Test
    void aSubmissionLeavesNothingBehindAndItsStatusLinkIsNeverStored() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Stored"));

        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                Integer.class, "%" + submitted.reference() + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_publication where event_type like ?",
                Integer.class, "%IntakeReceiptRequested%")).isZero();
    }

    private int publications(String key) {
        return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                Integer.class, "%" + key + "%");
    }
}
