package app.thaw.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.FreeTimes;
import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * "You can change this at any time by calling the practice": a therapist's correction of the client's email address
 * or of the ways it is safe to contact them changes what the practice sends from then on, and what was still waiting
 * to go to the old address is withdrawn. A corrected name is what the queue and letters use.
 */
@IntegrationTest
class ContactCorrectionIT {

    @Autowired
    CaseWorkService caseWork;
    @Autowired
    IntakeService intake;
    @Autowired
    UserDetailsService staff;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    ClientStatusService clientStatus;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    app.thaw.retention.ErasureService erasure;
    @Autowired
    app.thaw.intake.SubmittedIntakes intakes;

    @Autowired
    app.thaw.intake.ClientContacts clientContacts;
    @Autowired
    app.thaw.caseaccess.CaseAccess access;

    @Test
    void aCorrectedAddressGetsTheNextEmailsAndTheOldOneNothingMore() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        String old = "old-" + word.toLowerCase() + "@example.org";
        String now = "new-" + word.toLowerCase() + "@example.org";
        var client = data.submit(IntakeFixtures.completeAnswers("Lee " + word).with("about.email", old));
        long first = book(data, client.id());
        waitingToRetry(old);

        assertThat(data.as("amira", () -> caseWork.amendAnswer(IntakeId.of(client.id()), "about.email", List.of(now),
                "Client phoned: their old inbox is shared"))).isEmpty();

        assertThat(jdbc.queryForList("select status from outbox_message where lower(recipient) = ?", String.class,
                old)).isNotEmpty().containsOnly("WITHDRAWN");
        assertThat(jdbc.queryForObject("select email from intake where id = ?", String.class, client.id()))
                .isEqualTo(now);
        long second = book(data, client.id());
        assertThat(jdbc.queryForList("select appointment_id from outbox_message where kind = 'BOOKED' and "
                + "lower(recipient) = ?", Long.class, now)).containsExactly(second);
        assertThat(jdbc.queryForList("select appointment_id from outbox_message where lower(recipient) = ?",
                Long.class, old)).contains(first).doesNotContain(second);
    }

    @Test
    void emailNoLongerSafeStopsWhatWaitedAndEveryEmailAfter() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        String address = "safe-" + word.toLowerCase() + "@example.org";
        var client = data.submit(IntakeFixtures.completeAnswers("Mo " + word).with("about.email", address));
        book(data, client.id());
        waitingToRetry(address);

        assertThat(data.as("amira", () -> caseWork.amendAnswer(IntakeId.of(client.id()), "about.contact_safe",
                List.of("phone"), "Client phoned: someone else reads their email now"))).isEmpty();

        assertThat(jdbc.queryForList("select status from outbox_message where lower(recipient) = ?", String.class,
                address)).isNotEmpty().containsOnly("WITHDRAWN");
        assertThat(clientStatus.status(client.receipt().statusToken()).orElseThrow().contactWays())
                .as("the client's own page says how the practice will be in touch now").containsExactly("phone");
        book(data, client.id());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where lower(recipient) = ? and "
                + "status <> 'WITHDRAWN'", Integer.class, address)).isZero();
    }

    @Test
    void aCorrectedNameIsTheOneThePracticeWorksWith() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        var client = data.submit(IntakeFixtures.completeAnswers("Nia " + word));

        assertThat(data.as("amira", () -> caseWork.amendAnswer(IntakeId.of(client.id()), "about.full_name",
                List.of("Nia Rhys-" + word), "Client's name as on their GP record"))).isEmpty();

        assertThat(jdbc.queryForObject("select full_name from intake where id = ?", String.class, client.id()))
                .isEqualTo("Nia Rhys-" + word);
        assertThat(jdbc.queryForObject("select count(*) from intake_search where intake_id = ? and term like 'rhys%'",
                Integer.class, client.id())).as("the queue finds the corrected surname").isPositive();
    }

    @Test
    void erasingTheClientAlsoErasesWhatWasSentToAnAddressTheyHadBefore() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        String old = "was-" + word.toLowerCase() + "@example.org";
        var client = data.submit(IntakeFixtures.completeAnswers("Ola " + word).with("about.email", old));
        book(data, client.id());
        data.as("amira", () -> caseWork.amendAnswer(IntakeId.of(client.id()), "about.email",
                List.of("now-" + word.toLowerCase() + "@example.org"), "New address"));

        assertThat(data.as("admin", () -> erasure.erase(app.thaw.base.ids.CaseReference.of(client.reference()),
                "Their request in writing")).erased()).isTrue();

        assertThat(jdbc.queryForObject("select count(*) from outbox_message where lower(recipient) = ? or "
                + "body_text like ?", Integer.class, old, "%" + old + "%")).isZero();
    }

    @Test
    void theDaysThatSuitTheClientNowAreTheOnesTheDiaryLooksFor() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Pip " + ReviewTestData.uniqueWord()));

        assertThat(data.as("amira", () -> caseWork.amendAnswer(IntakeId.of(client.id()), "preferences.days",
                List.of("saturday"), "Client phoned: new job, weekdays no longer possible"))).isEmpty();

        var contact = data.as("admin", () -> clientContacts.contact(access.require(client.id(),
                app.thaw.caseaccess.CaseOperation.READ_BOOKING_DETAILS)));
        assertThat(contact.availableDays()).containsExactly("saturday");
    }

    /** The practice manager books with Dr Amira Khan; returns the session's id. */
    private long book(ReviewTestData data, long client) {
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var result = data.as("admin", () -> scheduling.book(new BookingRequest(client, null, data.idOf("amira"),
                individual, SessionFormat.ONLINE, null, FreeTimes.next(), null)));
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).session().id();
    }

    /** As a mail server that refused the first try leaves them: still to be sent, an hour from now. */
    private void waitingToRetry(String address) {
        assertThat(jdbc.update("update outbox_message set status = 'PENDING', attempts = 1, "
                + "next_attempt_at = now() + interval '1 hour' where lower(recipient) = ?", address)).isPositive();
    }
}
