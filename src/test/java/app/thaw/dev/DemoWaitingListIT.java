package app.thaw.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.IntegrationTest;
import app.thaw.care.CareRecords;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.DemoWaitlistSeeding;

/**
 * The demo's waiting list (dev profile, built here by hand in the test context): routine clients still new are
 * referred and put on the list through the course of care, as the listeners do for a therapist, and wait from the day
 * they were referred, two days after they wrote; a couple holds one place; an urgent client is left to the queue.
 */
@IntegrationTest
class DemoWaitingListIT {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseAccess access;

    @Autowired
    CareRecords care;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void routineNewClientsWaitFromTheirReferralAndACoupleHoldsOnePlace() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var alone = data.submit(IntakeFixtures.completeAnswers("Ola " + word));
        var urgent = data.submit(IntakeFixtures.completeAnswers("Una " + word).with("safety.safe_now", "no"));
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));
        Instant wrote = clock.instant().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        List<DemoClient> clients = List.of(
                new DemoClient(alone.id(), false, false, alone.receipt().requestedType(), null, wrote),
                new DemoClient(urgent.id(), false, true, urgent.receipt().requestedType(), null, wrote),
                new DemoClient(alex.id(), true, false, alex.receipt().requestedType(), sam.id(), wrote),
                new DemoClient(sam.id(), true, false, sam.receipt().requestedType(), null, wrote));
        var demo = new DemoWaitingList(access, care, new DemoWaitlistSeeding(jdbc), clock);

        List<DemoClient> waiting = SystemActor.call(() -> new TransactionTemplate(transactions)
                .execute(status -> demo.create(clients)));

        assertThat(waiting).extracting(DemoClient::intakeId).containsExactlyInAnyOrder(alone.id(), alex.id(), sam.id());
        assertThat(jdbc.queryForList("select status from intake where id in (?, ?, ?)", String.class, alone.id(),
                alex.id(), sam.id())).containsOnly("WAITING");
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, urgent.id()))
                .isEqualTo("NEW");
        Instant referred = wrote.plus(Duration.ofDays(2));
        assertThat(jdbc.queryForObject("""
                select added_at from waitlist_entry where intake_id = ? and state = 'WAITING'""", Instant.class,
                alone.id())).isEqualTo(referred);
        assertThat(jdbc.queryForList("""
                select service from waitlist_entry where (intake_id in (?, ?) or partner_intake_id in (?, ?))
                   and state = 'WAITING'""", String.class, alex.id(), sam.id(), alex.id(), sam.id()))
                .containsExactly("COUPLES");
        assertThat(jdbc.queryForList("""
                select kind from care_event where intake_id = ? order by id""", String.class, alone.id()))
                .endsWith("REFERRED", "WAITLISTED");
    }
}
