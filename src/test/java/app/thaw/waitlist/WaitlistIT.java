package app.thaw.waitlist;

import static app.thaw.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.ClientOffers;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.review.CareActions;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;

/**
 * The waiting list through the real services and database: a couple waits, is offered held times, and either partner
 * chooses; every race (both partners at once, a client against a booking by hand, a client against the expiry job)
 * ends in exactly one booking, and the others are told kindly.
 */
@IntegrationTest
class WaitlistIT {

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;

    @Autowired
    StaffAccountService staff;

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions care;

    @Autowired
    WaitlistService waitlist;

    @Autowired
    BackfillSettings backfill;

    @Autowired
    OfferService offers;

    @Autowired
    OfferExpiryJob expiry;

    @Autowired
    ClientOfferService clients;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    app.thaw.scheduling.SessionChanges changes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    app.thaw.waitlist.domain.OfferStore offerStore;

    @Autowired
    app.thaw.waitlist.domain.WaitlistStore store;

    @Autowired
    FreedTimeOffers freed;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    ReviewTestData data;
    WaitlistTestData waiting;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        waiting = new WaitlistTestData(data, caseOpening, referrals, care, jdbc);
    }

    @Test
    void aWaitingCoupleIsListedOnceAndTheirOfferedTimesAreHeldAgainstAnyOtherBooking() {
        var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());
        List<WaitingCase> listed = data.as("admin", () -> waitlist.waiting(WaitlistFilter.all())).stream()
                .filter(c -> c.reference().equals(couple.alex().reference())
                        || c.reference().equals(couple.sam().reference())).toList();
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.service()).isEqualTo(ServiceType.COUPLES);
            assertThat(c.clients()).contains("Alex ").contains(" & Sam ");
            assertThat(c.offerState()).isNull();
        });
        assertThat(data.as("admin", () -> waitlist.waits())).anySatisfy(w -> {
            assertThat(w.service()).isEqualTo(ServiceType.COUPLES);
            assertThat(w.waiting()).isPositive();
        });

        var times = waiting.amiraOnline(3, 80);
        OfferMade made = data.as("amira", () -> offers.offer(IntakeId.of(couple.alex().id()), times, null));
        assertThat(made.times()).isEqualTo(3);
        assertThat(Duration.between(Instant.now(), made.openUntil())).isBetween(Duration.ofHours(47),
                Duration.ofHours(48));
        assertThat(jdbc.queryForObject("select count(*) from diary_claim c join slot_offer_time t on t.slot_id = "
                + "c.held_slot_id where t.offer_id = ?", Integer.class, made.offerId())).isEqualTo(3);

        // the practice manager books another client by hand over a held time: the database refuses, and says why
        var other = data.submit(IntakeFixtures.completeAnswers("Other " + ReviewTestData.uniqueWord()));
        BookingResult clash = data.as("admin", () -> scheduling.book(new BookingRequest(other.id(), null,
                data.idOf("amira"), individualType(), SessionFormat.ONLINE, null, times.get(1).start().plusMinutes(30),
                null)));
        assertThat(clash).isInstanceOf(BookingResult.Conflict.class);
        assertThat(((BookingResult.Conflict) clash).message()).contains("held for a client who has been offered it");

        // each partner sees the times on their own status page
        assertThat(clientStatus.offeredTimes(couple.sam().receipt().statusToken()).times()).hasSize(3);
        var alexSees = clientStatus.offeredTimes(couple.alex().receipt().statusToken());
        assertThat(alexSees.times()).extracting(ClientOffers.Time::start).containsExactlyElementsOf(
                times.stream().map(OfferedTime::start).toList());

        // Sam chooses: one joint session for both, the other held times go back to the diary
        var choice = clientStatus.chooseOfferedTime(couple.sam().receipt().statusToken(),
                HeldSlotId.of(alexSees.times().get(2).slotId()));
        assertThat(choice.booked()).as(choice.message()).isTrue();
        assertThat(clientStatus.appointments(couple.alex().receipt().statusToken())).singleElement()
                .satisfies(s -> assertThat(s.start()).isEqualTo(times.get(2).start()));
        assertThat(clientStatus.appointments(couple.sam().receipt().statusToken())).hasSize(1);
        assertThat(clientStatus.offeredTimes(couple.alex().receipt().statusToken()).note()).contains("Your partner");
        assertThat(jdbc.queryForObject("select count(*) from diary_claim c join slot_offer_time t on t.slot_id = "
                + "c.held_slot_id where t.offer_id = ?", Integer.class, made.offerId())).isZero();
        assertThat(data.as("admin", () -> scheduling.book(new BookingRequest(other.id(), null, data.idOf("amira"),
                individualType(), SessionFormat.ONLINE, null, times.get(1).start(), null))))
                .isInstanceOf(BookingResult.Booked.class);
        assertThat(jdbc.queryForObject("select state from waitlist_entry where intake_id in (?, ?)", String.class,
                couple.alex().id(), couple.sam().id())).isEqualTo("BOOKED");
        assertThat(data.auditActions(couple.alex().id())).contains("OFFER_MADE", "OFFER_CHOSEN", "SESSION_BOOKED");
    }

    @Test
    void bothPartnersChoosingAtOnceGiveExactlyOneSession() throws Exception {
        for (boolean sameTime : new boolean[] {true, false}) {
            var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());
            data.as("amira", () -> offers.offer(IntakeId.of(couple.alex().id()), waiting.amiraOnline(2, 80), null));
            var slots = clientStatus.offeredTimes(couple.alex().receipt().statusToken()).times();
            long alexPick = slots.get(0).slotId();
            long samPick = slots.get(sameTime ? 0 : 1).slotId();
            List<ClientOffers.Choice> outcomes = race(
                    () -> clientStatus.chooseOfferedTime(couple.alex().receipt().statusToken(), HeldSlotId.of(alexPick)),
                    () -> clientStatus.chooseOfferedTime(couple.sam().receipt().statusToken(), HeldSlotId.of(samPick)));
            assertThat(outcomes).filteredOn(ClientOffers.Choice::booked).hasSize(1);
            assertThat(outcomes).filteredOn(c -> !c.booked()).singleElement()
                    .satisfies(c -> assertThat(c.message()).contains("Your partner has just chosen a time"));
            assertThat(sessionsOf(couple.alex().id())).isEqualTo(1);
        }
    }

    @Test
    void aClientChoosingWhileStaffBookTheSameTimeByHandGivesExactlyOneSession() throws Exception {
        for (int round = 0; round < 3; round++) {
            var client = waiting.waitingClient("Chooser " + ReviewTestData.uniqueWord());
            var times = waiting.amiraOnline(1, 50);
            data.as("amira", () -> offers.offer(IntakeId.of(client.id()), times, null));
            long slot = clientStatus.offeredTimes(client.receipt().statusToken()).times().getFirst().slotId();
            var other = data.submit(IntakeFixtures.completeAnswers("Walk-in " + ReviewTestData.uniqueWord()));
            var admin = data.user("admin");
            List<Object> outcomes = race(() -> clientStatus.chooseOfferedTime(client.receipt().statusToken(),
                    HeldSlotId.of(slot)),
                    () -> data.as("admin", () -> scheduling.book(new BookingRequest(other.id(), null,
                            data.idOf("amira"), individualType(), SessionFormat.ONLINE, null, times.getFirst().start(),
                            null))));
            assertThat(admin).isNotNull();
            assertThat(jdbc.queryForObject("select count(*) from appointment where therapist_id = ? and starts_at = ? "
                    + "and state <> 'CANCELLED'", Integer.class, data.idOf("amira"),
                    Timestamp.from(times.getFirst().start().toInstant()))).isEqualTo(1);
            var choice = (ClientOffers.Choice) outcomes.get(0);
            var booking = (BookingResult) outcomes.get(1);
            assertThat(choice.booked() ^ booking instanceof BookingResult.Booked).as(outcomes.toString()).isTrue();
            if (!choice.booked()) {
                assertThat(choice.message()).isEqualTo(OfferChoices.TAKEN);
            }
        }
    }

    @Test
    void anOfferLapsingWhileTheClientChoosesEndsBookedOrLapsedNeverBoth() throws Exception {
        for (int round = 0; round < 3; round++) {
            var client = waiting.waitingClient("Late " + ReviewTestData.uniqueWord());
            var made = data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(2, 50), 1));
            long slot = clientStatus.offeredTimes(client.receipt().statusToken()).times().getFirst().slotId();
            List<Object> outcomes = race(() -> clientStatus.chooseOfferedTime(client.receipt().statusToken(),
                    HeldSlotId.of(slot)),
                    () -> expiry.expireDue(Instant.now().plus(Duration.ofHours(2))));
            var choice = (ClientOffers.Choice) outcomes.get(0);
            String state = jdbc.queryForObject("select state from slot_offer where id = ?", String.class,
                    made.offerId());
            assertThat(jdbc.queryForObject("select count(*) from held_slot s join slot_offer_time t on t.slot_id = s.id"
                    + " where t.offer_id = ? and s.state = 'HELD'", Integer.class, made.offerId())).isZero();
            if (choice.booked()) {
                assertThat(state).isEqualTo("BOOKED");
                assertThat(sessionsOf(client.id())).isEqualTo(1);
            } else {
                assertThat(state).isEqualTo("EXPIRED");
                assertThat(choice.message()).startsWith("Sorry, these times were only kept until");
                assertThat(sessionsOf(client.id())).isZero();
                assertThat(data.auditActions(client.id())).contains("OFFER_EXPIRED");
            }
        }
    }

    @Test
    void aClientCannotBookPastAnUnreviewedUrgentRiskAndTheTimeStaysHeld() {
        var client = waiting.waitingClient("Gate " + ReviewTestData.uniqueWord());
        data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(1, 50), null));
        long slot = clientStatus.offeredTimes(client.receipt().statusToken()).times().getFirst().slotId();
        // a new urgent answer arrives (as a repeat measure would), unreviewed
        jdbc.update("update intake set urgent = true where id = ?", client.id());
        jdbc.update("update review_case set risk_acknowledged_at = null where intake_id = ?", client.id());

        var choice = clientStatus.chooseOfferedTime(client.receipt().statusToken(), HeldSlotId.of(slot));

        assertThat(choice.booked()).isFalse();
        assertThat(choice.message()).isEqualTo(OfferChoices.TALK_FIRST).doesNotContainIgnoringCase("risk");
        assertThat(sessionsOf(client.id())).isZero();
        assertThat(jdbc.queryForObject("select state from held_slot where id = ?", String.class, slot))
                .isEqualTo("HELD");
    }

    @Test
    void offersAreRefusedForCasesNotWaitingAndForAnotherTherapistsDiary() {
        var client = waiting.waitingClient("Refused " + ReviewTestData.uniqueWord());
        var toms = List.of(new OfferedTime(data.idOf("tom"), SessionFormat.ONLINE, null,
                waiting.amiraOnline(1, 50).getFirst().start(), waiting.amiraOnline(1, 50).getFirst().end()));
        assertThatThrownBy(() -> data.as("amira", () -> offers.offer(IntakeId.of(client.id()), toms, null)))
                .isInstanceOf(OfferRefused.class).hasMessageContaining("your own diary");
        assertThatThrownBy(() -> data.as("amira", () -> offers.offer(IntakeId.of(client.id()), List.of(), null)))
                .isInstanceOf(OfferRefused.class);
        var one = waiting.amiraOnline(1, 50).getFirst();
        var overlapping = new OfferedTime(one.therapistId(), SessionFormat.ONLINE, null, one.start().plusMinutes(30),
                one.end().plusMinutes(30));
        assertThatThrownBy(() -> data.as("amira", () -> offers.offer(IntakeId.of(client.id()), List.of(one,
                overlapping), null)))
                .isInstanceOf(OfferRefused.class).hasMessageContaining("must not overlap");
        var notWaiting = data.submit(IntakeFixtures.completeAnswers("New " + ReviewTestData.uniqueWord()));
        assertThatThrownBy(() -> data.as("admin", () -> offers.offer(IntakeId.of(notWaiting.id()),
                waiting.amiraOnline(1, 50),
                null))).isInstanceOf(OfferRefused.class).hasMessageContaining("not on the waiting list");
    }

    @Test
    void aTimeFreedByACancellationIsOfferedToTheBestFitsAndTwoClientsChoosingItGiveExactlyOneSession()
            throws Exception {
        data.as("admin", () -> backfill.setBackfillMode(BackfillMode.AUTO));
        try {
            var first = waiting.waitingClient("Backfill " + ReviewTestData.uniqueWord());
            var second = waiting.waitingClient("Backfill " + ReviewTestData.uniqueWord());
            // these two lead the list (urgent, waiting longest), so the freed time goes to them before anyone else
            jdbc.update("update waitlist_entry set urgent = true, added_at = now() - interval '3650 days' "
                    + "where intake_id in (?, ?)", first.id(), second.id());
            var leaving = data.submit(IntakeFixtures.completeAnswers("Leaving " + ReviewTestData.uniqueWord()));
            var time = waiting.amiraOnline(1, 50).getFirst();
            var booked = (BookingResult.Booked) data.as("admin", () -> scheduling.book(new BookingRequest(leaving.id(),
                    null, time.therapistId(), individualType(), SessionFormat.ONLINE, null, time.start(), null)));
            data.as("admin", () -> changes.cancel(AppointmentId.of(booked.session().id()), false, "Moving away"));

            var firstSees = clientStatus.offeredTimes(first.receipt().statusToken()).times();
            var secondSees = clientStatus.offeredTimes(second.receipt().statusToken()).times();
            assertThat(firstSees).singleElement().satisfies(t -> assertThat(t.start()).isEqualTo(time.start()));
            assertThat(secondSees).singleElement().satisfies(t -> assertThat(t.slotId())
                    .isEqualTo(firstSees.getFirst().slotId()));
            List<ClientOffers.Choice> outcomes = race(
                    () -> clientStatus.chooseOfferedTime(first.receipt().statusToken(),
                            HeldSlotId.of(firstSees.getFirst().slotId())),
                    () -> clientStatus.chooseOfferedTime(second.receipt().statusToken(),
                            HeldSlotId.of(secondSees.getFirst().slotId())));
            assertThat(outcomes).filteredOn(ClientOffers.Choice::booked).hasSize(1);
            assertThat(outcomes).filteredOn(c -> !c.booked()).singleElement()
                    .satisfies(c -> assertThat(c.message()).isEqualTo(OfferChoices.TAKEN));
            assertThat(sessionsOf(first.id()) + sessionsOf(second.id())).isEqualTo(1);
        } finally {
            data.as("admin", () -> backfill.setBackfillMode(BackfillMode.SUGGEST));
            jdbc.update("update waitlist_entry set urgent = false, added_at = now() where urgent and added_at < "
                    + "now() - interval '3000 days'");
        }
    }

    @Test
    void anOfferLinkChoosesOnlyFromItsOwnCasesOfferAndOnlyForTheClientItWasMadeFor() {
        var mine = waiting.waitingClient("Linked " + ReviewTestData.uniqueWord());
        var theirs = waiting.waitingClient("Other " + ReviewTestData.uniqueWord());
        data.as("amira", () -> offers.offer(IntakeId.of(mine.id()), waiting.amiraOnline(1, 50), null));
        var theirOffer = data.as("amira", () -> offers.offer(IntakeId.of(theirs.id()), waiting.amiraOnline(1, 50),
                null));
        String myLink = waiting.offerLink(mine.id());
        long mySlot = clients.offeredByLink(myLink).orElseThrow().times().getFirst().slotId();
        long theirSlot = clientStatus.offeredTimes(theirs.receipt().statusToken()).times().getFirst().slotId();
        assertThat(clientStatus.offeredTimes(mine.receipt().statusToken()).times()).extracting(ClientOffers.Time::slotId)
                .containsExactly(mySlot);

        // the other case's held time, chosen through my link: refused, nothing booked, the time still held for them
        var tried = clients.chooseByLink(myLink, HeldSlotId.of(theirSlot));
        assertThat(tried.booked()).isFalse();
        assertThat(tried.message()).contains("couldn't find that time");
        assertThat(sessionsOf(mine.id()) + sessionsOf(theirs.id())).isZero();
        assertThat(slotState(theirSlot)).isEqualTo("HELD");

        // a link made out to a client who is not on the offer's case shows nothing and books nothing
        String stray = SecretToken.generate();
        jdbc.update("insert into offer_link (offer_id, intake_id, token_hash) values (?, ?, ?)", theirOffer.offerId(),
                mine.id(), SecretToken.hash(stray));
        assertThat(clients.offeredByLink(stray)).isEmpty();
        assertThat(clients.chooseByLink(stray, HeldSlotId.of(theirSlot)).booked()).isFalse();
        assertThat(sessionsOf(mine.id()) + sessionsOf(theirs.id())).isZero();

        // with the link's own offer the client books their own time, for their own case only
        var chosen = clients.chooseByLink(myLink, HeldSlotId.of(mySlot));
        assertThat(chosen.booked()).as(chosen.message()).isTrue();
        assertThat(sessionsOf(mine.id())).isEqualTo(1);
        assertThat(sessionsOf(theirs.id())).isZero();
        assertThat(slotState(theirSlot)).isEqualTo("HELD");
        assertThat(jdbc.queryForObject("select chosen_by from slot_offer where id = (select offer_id from offer_link "
                + "where token_hash = ?)", Long.class, SecretToken.hash(myLink))).isEqualTo(mine.id());
    }

    @Test
    void aHeldTimeCannotBeChosenOnceTheOfferHasLapsedEvenBeforeTheExpiryJobHasBeenRound() {
        var client = waiting.waitingClient("Lapsed " + ReviewTestData.uniqueWord());
        var made = data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(2, 50), null));
        String link = waiting.offerLink(client.id());
        long slot = clients.offeredByLink(link).orElseThrow().times().getFirst().slotId();
        // the hold ran out a minute ago; the offer and its times are still as they were
        jdbc.update("update slot_offer set created_at = now() - interval '2 hours', expires_at = now() - interval "
                + "'1 minute' where id = ?", made.offerId());

        var seen = clients.offeredByLink(link).orElseThrow();
        assertThat(seen.times()).isEmpty();
        assertThat(seen.note()).startsWith("Sorry, these times were only kept until");
        var late = clients.chooseByLink(link, HeldSlotId.of(slot));
        assertThat(late.booked()).isFalse();
        assertThat(late.message()).startsWith("Sorry, these times were only kept until");
        assertThat(clientStatus.chooseOfferedTime(client.receipt().statusToken(), HeldSlotId.of(slot)).booked())
                .isFalse();
        assertThat(sessionsOf(client.id())).isZero();

        // once the job has let the offer go, the link still books nothing and the times are back in the diary
        expiry.expireDue(Instant.now());
        assertThat(clients.chooseByLink(link, HeldSlotId.of(slot)).booked()).isFalse();
        assertThat(sessionsOf(client.id())).isZero();
        assertThat(slotState(slot)).isEqualTo("RELEASED");
    }

    @Test
    void aCoupleBackOnTheListIsOfferedTimesAndChoosesFromTheirNewEntryNotTheirBookedOne() {
        var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());
        String alex = couple.alex().receipt().statusToken();
        String sam = couple.sam().receipt().statusToken();
        data.as("amira", () -> offers.offer(IntakeId.of(couple.alex().id()), waiting.amiraOnline(1, 50), null));
        var first = clientStatus.chooseOfferedTime(sam,
                HeldSlotId.of(clientStatus.offeredTimes(sam).times().getFirst().slotId()));
        assertThat(first.booked()).as(first.message()).isTrue();
        // back on the list later, Sam's side first: the new entry names Sam as the client and Alex as the partner
        jdbc.update("insert into waitlist_entry (intake_id, partner_intake_id, service, urgent, added_at) "
                + "values (?, ?, 'COUPLES', false, now())", couple.sam().id(), couple.alex().id());

        var made = data.as("amira", () -> offers.offer(IntakeId.of(couple.alex().id()), waiting.amiraOnline(2, 50),
                null));
        assertThat(made.times()).isEqualTo(2);
        assertThat(clientStatus.offeredTimes(sam).times()).hasSize(2);
        var alexSees = clientStatus.offeredTimes(alex).times();
        assertThat(alexSees).hasSize(2);
        var again = clientStatus.chooseOfferedTime(alex, HeldSlotId.of(alexSees.get(1).slotId()));
        assertThat(again.booked()).as(again.message()).isTrue();
        assertThat(sessionsOf(couple.alex().id())).isEqualTo(2);
        assertThat(jdbc.queryForList("select state from waitlist_entry where intake_id in (?, ?)", String.class,
                couple.alex().id(), couple.sam().id())).containsExactly("BOOKED", "BOOKED");
    }

    private String slotState(long slotId) {
        return jdbc.queryForObject("select state from held_slot where id = ?", String.class, slotId);
    }

    private int sessionsOf(long intakeId) {
        return jdbc.queryForObject("select count(*) from appointment where (intake_id = ? or partner_intake_id = ?) "
                + "and state <> 'CANCELLED'", Integer.class, intakeId, intakeId);
    }

    @Test
    void aLapsedOfferEmailsTheAssignedTherapistWithNothingButTheReference() {
        var client = waiting.waitingClient("Lapse " + ReviewTestData.uniqueWord());
        var made = data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(1, 50), 1));

        expiry.expireDue(Instant.now().plus(Duration.ofHours(2)));

        Long assigned = jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, client.id());
        List<String> expected = assigned != null
                ? jdbc.queryForList("select email from staff_account where id = ? and active", String.class, assigned)
                : jdbc.queryForList("select email from staff_account where role = 'ADMIN' and active", String.class);
        var told = jdbc.queryForList("select recipient, subject, body_text from outbox_message "
                + "where kind = 'OFFER_ENDED' and idempotency_key like ?", "offer-ended/" + made.offerId() + "/%");
        assertThat(told).extracting(row -> ((String) row.get("recipient")).toLowerCase())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(String::toLowerCase).toList());
        assertThat(told).allSatisfy(row -> {
            assertThat((String) row.get("subject")).isEqualTo("Offer lapsed: case " + client.reference());
            assertThat((String) row.get("body_text")).contains("/staff/waitlist")
                    .doesNotContain("Lapse ").doesNotContain("One to one");
        });
        assertThat(data.auditActions(client.id())).contains("OFFER_EXPIRED");
    }

    @Test
    void anOfferWhoseTimeAnotherCaseChoseClosesAtOnceAndStaffAreTold() {
        var first = waiting.waitingClient("Quick " + ReviewTestData.uniqueWord());
        var second = waiting.waitingClient("Slow " + ReviewTestData.uniqueWord());
        var time = waiting.amiraOnline(1, 50).getFirst();
        Instant now = Instant.now();
        long slotId = offerStore.insertSlot("FREED", time.therapistId(), null, individualType(), "ONLINE",
                time.start().toInstant(), time.end().toInstant(), time.start().toInstant(), null, now);
        var offered = app.thaw.security.SystemActor.call(() -> transactions.execute(status -> freed.holdAndOffer(
                offerStore.lockSlot(slotId).orElseThrow(), List.of(store.entryOf(first.id()).orElseThrow(),
                        store.entryOf(second.id()).orElseThrow()), null)));
        assertThat(offered).hasSize(2);

        var choice = clientStatus.chooseOfferedTime(first.receipt().statusToken(), HeldSlotId.of(slotId));
        assertThat(choice.booked()).as(choice.message()).isTrue();

        // no expiry run: the loser's offer is already closed, its page says so and staff know
        long lost = offered.get(1).offerId();
        assertThat(jdbc.queryForObject("select state from slot_offer where id = ?", String.class, lost))
                .isEqualTo("TAKEN");
        assertThat(clientStatus.offeredTimes(second.receipt().statusToken()).note()).contains("has been taken");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'OFFER_ENDED' "
                + "and idempotency_key like ?", Integer.class, "offer-ended/" + lost + "/%")).isPositive();
        assertThat(data.auditActions(second.id())).contains("OFFER_TAKEN");
        assertThat(jdbc.queryForObject("select state from slot_offer where id = ?", String.class,
                offered.get(0).offerId())).isEqualTo("BOOKED");
    }

    private long individualType() {
        return jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
    }
}
