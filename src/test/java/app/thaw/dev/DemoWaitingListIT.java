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

import app.thaw.IntegrationTest;
import app.thaw.care.CareRecords;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.review.CareActions;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.FactorService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * The demo's waiting list (dev profile, built here by hand in the test context): routine clients still new are
 * reviewed by a demo therapist two days after they wrote, through the therapist's own services (taken on, factors
 * decided, referred, put on the list), and every record and history line of that review is dated then, not when the
 * demo was made; a couple holds one place; an urgent client is left to the queue.
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
    CaseAssignments assignments;

    @Autowired
    CaseOpeningService opening;

    @Autowired
    FactorService factors;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions careActions;

    @Autowired
    Clock clock;

    @Test
    void routineNewClientsAreReviewedAndListedOnTheDayTheyWereReferredAndACoupleHoldsOnePlace() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var ola = data.submit(lowAndAnxious(IntakeFixtures.completeAnswers("Ola " + word)));
        var ben = data.submit(lowAndAnxious(IntakeFixtures.completeAnswers("Ben " + word)));
        var urgent = data.submit(IntakeFixtures.completeAnswers("Una " + word).with("safety.safe_now", "no"));
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));
        Instant wrote = clock.instant().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        List<DemoClient> clients = List.of(
                new DemoClient(ola.id(), false, false, ola.receipt().requestedType(), null, wrote),
                new DemoClient(ben.id(), false, false, ben.receipt().requestedType(), null, wrote),
                new DemoClient(urgent.id(), false, true, urgent.receipt().requestedType(), null, wrote),
                new DemoClient(alex.id(), true, false, alex.receipt().requestedType(), sam.id(), wrote),
                new DemoClient(sam.id(), true, false, sam.receipt().requestedType(), null, wrote.plusSeconds(3600)));
        var demo = new DemoWaitingList(access, care, new DemoReview(access, assignments, opening, factors, referrals,
                staff), careActions, clock);

        List<DemoClient> waiting = SystemActor.call(() -> demo.create(clients));

        assertThat(waiting).extracting(DemoClient::intakeId)
                .containsExactlyInAnyOrder(ola.id(), ben.id(), alex.id(), sam.id());
        assertThat(jdbc.queryForList("select status from intake where id in (?, ?, ?, ?)", String.class, ola.id(),
                ben.id(), alex.id(), sam.id())).containsOnly("WAITING");
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, urgent.id()))
                .isEqualTo("NEW");

        // Ola: reviewed by Dr Amira Khan two days after she wrote, and everything of it dated then
        Instant referred = wrote.plus(Duration.ofDays(2));
        long amira = data.idOf("amira");
        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, ola.id())).isEqualTo(amira);
        assertThat(jdbc.queryForObject("select kind from referral where intake_id = ? and decided_by = ?",
                String.class, ola.id(), amira)).isEqualTo("INDIVIDUAL");
        assertThat(jdbc.queryForList("select decided_at from referral where intake_id = ? union all "
                + "select decided_at from factor_decision where intake_id = ? union all "
                + "select added_at from waitlist_entry where intake_id = ? and state = 'WAITING' union all "
                + "select occurred_at from audit_entry where intake_id = ? and action in ('CASE_ASSIGNED', "
                + "'CASE_OPENED', 'FACTOR_DECIDED', 'REFERRAL_DECIDED', 'WAITLISTED', 'STATUS_CHANGED')", Instant.class,
                ola.id(), ola.id(), ola.id(), ola.id()))
                .hasSizeGreaterThan(4).allSatisfy(at -> assertThat(at).isBetween(referred, referred.plusSeconds(60)));
        assertThat(jdbc.queryForList("select decision from factor_decision where intake_id = ?", String.class,
                ola.id())).isNotEmpty().containsOnly("CONFIRMED");
        assertThat(jdbc.queryForList("select action from audit_entry where intake_id = ? order by id", String.class,
                ola.id())).containsSubsequence("FACTOR_DECIDED", "REFERRAL_DECIDED", "WAITLISTED");

        // Ben: Dr Grace's review, where she disagrees with one suggestion, so the agreement report has something to show
        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, ben.id())).isEqualTo(data.idOf("grace"));
        assertThat(jdbc.queryForList("select decision from factor_decision where intake_id = ?", String.class,
                ben.id())).contains("CONFIRMED").containsOnlyOnce("REJECTED");

        // the couple: one place, referred for couples work, both partners' factors decided, from the later form on
        assertThat(jdbc.queryForList("""
                select service from waitlist_entry where (intake_id in (?, ?) or partner_intake_id in (?, ?))
                   and state = 'WAITING'""", String.class, alex.id(), sam.id(), alex.id(), sam.id()))
                .containsExactly("COUPLES");
        assertThat(jdbc.queryForObject("select kind from referral where intake_id = ?", String.class, alex.id()))
                .isEqualTo("COUPLES");
        assertThat(jdbc.queryForObject("select count(distinct intake_id) from factor_decision where intake_id in (?, ?)",
                Integer.class, alex.id(), sam.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select min(added_at) from waitlist_entry where intake_id in (?, ?) or "
                + "partner_intake_id in (?, ?)", Instant.class, alex.id(), sam.id(), alex.id(), sam.id()))
                .isBetween(referred.plusSeconds(3600), referred.plusSeconds(3660));
        assertThat(clock.instant()).as("the clock reads the real time again").isAfter(wrote.plus(Duration.ofDays(9)));
    }

    /** Answers the rules suggest two factors for (low mood, anxiety), so a therapist has suggestions to decide. */
    private static Answers lowAndAnxious(Answers answers) {
        for (int i = 1; i <= 8; i++) {
            answers = answers.with("phq9." + i, "2");
        }
        for (int i = 1; i <= 7; i++) {
            answers = answers.with("gad7." + i, "2");
        }
        return answers;
    }
}
