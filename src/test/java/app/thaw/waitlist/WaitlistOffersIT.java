package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientOffers;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionFormat;

/**
 * Offering held times to waiting cases: a couple offered and choosing, the offers refused, and the risk gate at
 * choosing.
 */
@IntegrationTest
class WaitlistOffersIT extends WaitlistTestSupport {

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

    @Test
    void offersAreRefusedForCasesNotWaitingAndForAnotherTherapistsDiary() {
        var client = waiting.waitingClient("Refused " + ReviewTestData.uniqueWord());
        var free = waiting.amiraOnline(1, 50).getFirst();
        var toms = List.of(new OfferedTime(data.idOf("tom"), SessionFormat.ONLINE, null, free.start(), free.end()));
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
}
