package app.thaw.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.crypto.FieldCipher;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.MeasureRequestId;
import app.thaw.base.logging.LogCapture;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.outcomes.Measure;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.outcomes.MeasureForms;
import app.thaw.outcomes.MeasureLinks;
import app.thaw.outcomes.MeasureSubmission;
import app.thaw.outcomes.SampleAnswers;
import app.thaw.privacy.DisclosureReviews;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.privacy.SubjectAccessSteps;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.OfferService;
import app.thaw.waitlist.WaitlistTestData;

/**
 * The erasure promise on the paths added after the first erasure test: the waiting list and its offers, outcome
 * measures, subject access requests, a client's own requests, booking confirmations and partner invitations. Each
 * client is taken there through the real services, then erased, then looked for in every table.
 */
@IntegrationTest
class ErasureAcrossFeaturesIT {

    @Autowired FieldCipher cipher;
    @Autowired ErasureService erasure;
    @Autowired IntakeService intake;
    @Autowired ClientStatusService clientStatus;
    @Autowired CaseWorkService caseWork;
    @Autowired CaseOpeningService caseOpening;
    @Autowired ReferralService referrals;
    @Autowired CareActions care;
    @Autowired OfferService offers;
    @Autowired SchedulingService scheduling;
    @Autowired SessionChanges changes;
    @Autowired MeasureLinks measureLinks;
    @Autowired MeasureForms measureForms;
    @Autowired MeasureCatalog measureCatalog;
    @Autowired SubjectAccessRequests accessRequests;
    @Autowired DisclosureReviews disclosureReviews;
    @Autowired LegalHoldService holds;
    @Autowired RetentionService retention;
    @Autowired UserDetailsService staff;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    RetentionTestData data;
    WaitlistTestData waiting;
    SubjectAccessSteps subjectAccess;
    ClientTraces traces;

    @BeforeEach
    void setUp() {
        data = new RetentionTestData(intake, caseWork, referrals, staff, jdbc, tx, cipher);
        waiting = new WaitlistTestData(data.review, caseOpening, referrals, care, jdbc);
        subjectAccess = new SubjectAccessSteps(data.review, accessRequests, disclosureReviews);
        traces = new ClientTraces(jdbc, cipher);
    }

    @Test
    void aWaitingClientOfferedTimesWhoAskedForTheirDataLeavesNothing() {
        String word = ReviewTestData.uniqueWord();
        var client = waiting.waitingClient(RetentionTestData.talkative(word, email(word)).with("phq9.9", "0"));
        data.review.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(2, 50), null));
        long request = subjectAccess.record(client.id(), "amira").id();
        data.review.as("admin", () -> {
            accessRequests.extend(AccessRequestId.of(request), 1, word + " sent three more letters");
            accessRequests.withdraw(AccessRequestId.of(request), word + " withdrew it by phone");
            holds.set(CaseReference.of(client.reference()), word + " v the practice, a claim");
            holds.clear(CaseReference.of(client.reference()), word + " settled");
        });
        // an offer emailed before its key named the client
        jdbc.update("""
                insert into outbox_message (idempotency_key, kind, recipient, subject, body_text, status,
                    next_attempt_at, created_at)
                values (?, 'SLOT_OFFER', ?, 'Times offered', ?, 'CAPTURED', now(), now())""",
                "offer/" + word, email(word), "Dear " + word + ", times are held for you.");
        var needles = traces.needles(client.id(), word, RetentionTestData.phoneOf(word));
        assertThat(traces.find(needles)).as("the scan sees the client before")
                .containsKeys("outbox_message", "subject_access_request", "legal_hold");

        erase(client.reference());

        assertThat(traces.find(needles)).isEmpty();
        // nobody can be offered a time any more: the offer is withdrawn, its times free again, its link dead
        assertThat(jdbc.queryForObject("select state from waitlist_entry where intake_id = ?", String.class,
                client.id())).isEqualTo("REMOVED");
        assertThat(jdbc.queryForList("""
                select o.state || '/' || s.state from slot_offer o join waitlist_entry e on e.id = o.entry_id
                  join slot_offer_time t on t.offer_id = o.id join held_slot s on s.id = t.slot_id
                 where e.intake_id = ?""", String.class, client.id())).containsOnly("WITHDRAWN/RELEASED").hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from offer_link where intake_id = ?", Integer.class,
                client.id())).isZero();
    }

    @Test
    void aClientInTherapyWhoAnsweredMeasuresAndAskedToCancelLeavesNothing() {
        String word = ReviewTestData.uniqueWord();
        var client = data.fullClient(word);
        long earlier = book(client.id(), Instant.parse("2022-03-01T09:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(20_000), ChronoUnit.HOURS));
        data.review.as("amira", () -> changes.recordOutcome(AppointmentId.of(earlier), AppointmentState.ATTENDED));
        long session = book(client.id(), Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)
                .plus(ThreadLocalRandom.current().nextInt(20 * 60), ChronoUnit.MINUTES));
        SystemActor.call(measureLinks::sendDue);
        String statusToken = client.receipt().statusToken();
        var asked = clientStatus.measureInvitations(statusToken);
        assertThat(asked).as("a repeat measure before the session").hasSize(1);
        String link = clientStatus.measureLink(statusToken, MeasureRequestId.of(asked.getFirst().requestId()))
                .orElseThrow();
        Set<Measure> measures = Arrays.stream(jdbc.queryForObject("select measures from measure_request where id = ?",
                String.class, asked.getFirst().requestId()).split(",")).map(Measure::valueOf)
                .collect(Collectors.toSet());
        assertThat(measureForms.submit(link.substring("measures/".length()),
                SampleAnswers.forPhq9(measureCatalog, 6, measures).given())).isInstanceOf(MeasureSubmission.Saved.class);
        clientStatus.requestAppointmentChange(statusToken, AppointmentId.of(session), true,
                "Sorry, " + word + " here: my car broke down, call me on " + RetentionTestData.phoneOf(word));
        var needles = traces.needles(client.id(), word, RetentionTestData.phoneOf(word));
        assertThat(jdbc.queryForList("select kind from outbox_message where lower(recipient) = ?", String.class,
                needles.email())).as("emailed before").contains("BOOKED", "MEASURE_LINK");

        erase(client.reference());

        assertThat(traces.find(needles)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from measure_response where intake_id = ? and source = 'CLIENT'",
                Integer.class, client.id())).as("the scores stay for the results").isEqualTo(1);
    }

    @Test
    void aClientWhoEmailedTheirPartnerAnInvitationLeavesNothing() {
        String word = ReviewTestData.uniqueWord();
        var client = data.review.submit(IntakeFixtures.couplesAnswers(word + " Client")
                .with("about.email", email(word)).with("about.phone", RetentionTestData.phoneOf(word)));
        String token = client.receipt().partnerInvitationToken();
        intake.emailPartnerInvitation(token, "partner-of-" + email(word), word,
                "https://thaw.example/intake/partner/" + token);
        var needles = traces.needles(client.id(), word, RetentionTestData.phoneOf(word));
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'PARTNER_INVITATION' "
                + "and body_text like ?", Integer.class, "%" + word + "%")).as("the invitation names them").isOne();

        erase(client.reference());

        assertThat(traces.find(needles)).isEmpty();
    }

    @Test
    void theInvitedPartnerErasedLeavesNoAddressInTheInvitationTheyWereSent() {
        String word = ReviewTestData.uniqueWord();
        var inviter = data.review.submit(IntakeFixtures.couplesAnswers(ReviewTestData.uniqueWord() + " Inviter"));
        String token = inviter.receipt().partnerInvitationToken();
        intake.emailPartnerInvitation(token, email(word), "Inviter", "https://thaw.example/intake/partner/" + token);
        var partner = data.review.submitPartner(token, IntakeFixtures.couplesAnswers(word + " Partner")
                .with("about.email", email(word)).with("about.phone", RetentionTestData.phoneOf(word)));
        var needles = traces.needles(partner.id(), word, RetentionTestData.phoneOf(word));
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'PARTNER_INVITATION' "
                + "and lower(recipient) = ?", Integer.class, email(word).toLowerCase(java.util.Locale.ROOT)))
                .as("the invitation went to them").isOne();

        erase(partner.reference());

        assertThat(traces.find(needles)).isEmpty();
    }

    @Test
    void theRetentionRunKeepsTheSamePromise() {
        String word = ReviewTestData.uniqueWord();
        var client = waiting.waitingClient(RetentionTestData.talkative(word, email(word)).with("phq9.9", "0"));
        data.review.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(1, 50), null));
        var needles = traces.needles(client.id(), word, RetentionTestData.phoneOf(word));
        Instant now = Instant.now();
        // never seen for a session, so due once the non-client period has passed since the form
        data.submittedAt(client.id(), data.review.as("admin", () -> retention.settings().policy())
                .nonClientCutoff(now).minus(1, ChronoUnit.DAYS));

        SystemActor.call(() -> retention.runRetention(now));

        assertThat(jdbc.queryForObject("select source from client_erasure where intake_id = ?", String.class,
                client.id())).isEqualTo("RETENTION");
        assertThat(traces.find(needles)).isEmpty();
        assertThat(jdbc.queryForObject("select state from waitlist_entry where intake_id = ?", String.class,
                client.id())).isEqualTo("REMOVED");
    }

    @Test
    void erasingLogsNothingOfTheClientAndItsAuditLineNamesNobody() {
        String word = ReviewTestData.uniqueWord();
        var client = data.fullClient(word);
        var needles = traces.needles(client.id(), word, RetentionTestData.phoneOf(word));

        var logged = LogCapture.everythingAtTrace(() -> erase(client.reference()));

        assertThat(logged).as("something was logged at TRACE").isNotEmpty();
        assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContainIgnoringCase(word)
                .doesNotContainIgnoringCase(needles.email()).doesNotContain(needles.phone()));
        assertThat(jdbc.queryForMap("""
                select actor_name, case_reference, detail from audit_entry
                 where intake_id = ? and action = 'CLIENT_ERASED'""", client.id()))
                .containsEntry("actor_name", "Priya Shah").containsEntry("case_reference", client.reference())
                .containsEntry("detail", "On the client's request");
    }

    private void erase(String reference) {
        var result = data.review.as("admin", () -> erasure.erase(CaseReference.of(reference), "Their request in writing"));
        assertThat(result.erased()).isTrue();
    }

    private static String email(String word) {
        return word.toLowerCase(java.util.Locale.ROOT) + "@example.org";
    }

    /** A session with Amira, booked (so its confirmation is emailed) and then moved to about the given time. */
    private long book(long intakeId, Instant around) {
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        BookingResult result = null;
        for (int attempt = 0; attempt < 5 && !(result instanceof BookingResult.Booked); attempt++) {
            var start = app.thaw.FreeTimes.next();
            result = data.review.as("admin", () -> scheduling.book(new BookingRequest(intakeId, null,
                    data.review.idOf("amira"), type, SessionFormat.ONLINE, null, start, null, null)));
        }
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        long session = ((BookingResult.Booked) result).session().id();
        for (int attempt = 0; ; attempt++) {
            Instant at = around.plus(attempt * 7L, ChronoUnit.MINUTES);
            try {
                jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?", Timestamp.from(at),
                        Timestamp.from(at.plus(50, ChronoUnit.MINUTES)), session);
                return session;
            } catch (org.springframework.dao.DataIntegrityViolationException taken) {
                assertThat(attempt).as("a free hour near " + around).isLessThan(20);
            }
        }
    }
}
