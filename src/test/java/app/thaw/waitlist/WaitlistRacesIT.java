package app.thaw.waitlist;

import static app.thaw.Races.race;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientOffers;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionFormat;

/**
 * Every race for an offered time (both partners, a booking by hand, the expiry job, a freed time) ends in exactly one
 * booking.
 */
@IntegrationTest
class WaitlistRacesIT extends WaitlistTestSupport {

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
            List<Object> outcomes = race(() -> clientStatus.chooseOfferedTime(client.receipt().statusToken(),
                    HeldSlotId.of(slot)),
                    () -> data.as("admin", () -> scheduling.book(new BookingRequest(other.id(), null,
                            data.idOf("amira"), individualType(), SessionFormat.ONLINE, null, times.getFirst().start(),
                            null))));
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
}
