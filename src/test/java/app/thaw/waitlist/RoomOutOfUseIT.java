package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.RoomId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SessionFormat;

/**
 * A room taken out of use takes no new session on any path: the times held in it for offers go back (an offer left
 * with none is withdrawn and its staff told), a cancellation there frees nothing for the waiting list, a client's
 * choice the closing skipped is refused and let go by the expiry job; sessions already booked there are counted.
 */
@IntegrationTest
class RoomOutOfUseIT extends WaitlistTestSupport {

    @Autowired
    DiarySetupService setup;
    @Autowired
    DataSource dataSource;

    @Test
    void itsOfferedTimesGoBackAndTheManagerHearsOfTheSessionsStillBookedThere() {
        long room = newRoom();
        var amiras = waiting.amiraOnline(3, 50);
        var inRoom = inPerson(amiras.get(0), room);
        var keeps = waiting.waitingClient("Ada " + ReviewTestData.uniqueWord());
        var loses = waiting.waitingClient("Bo " + ReviewTestData.uniqueWord());
        OfferMade mixed = data.as("admin", () -> offers.offer(IntakeId.of(keeps.id()), List.of(inRoom, amiras.get(1)),
                null));
        OfferMade onlyThere = data.as("admin", () -> offers.offer(IntakeId.of(loses.id()),
                List.of(inPerson(amiras.get(2), room)), null));
        var booked = bookInRoom(room, amiras.get(0).start().plusHours(8));

        var change = data.as("admin", () -> setup.setRoomActive(RoomId.of(room), false));

        assertThat(change.sessionsStillBooked()).isEqualTo(1);
        assertThat(change.first()).isEqualTo(booked.session().start());
        assertThat(offerState(mixed.offerId())).isEqualTo("OPEN");
        assertThat(clientStatus.offeredTimes(keeps.receipt().statusToken()).times()).singleElement()
                .satisfies(time -> assertThat(time.start()).isEqualTo(amiras.get(1).start()));
        assertThat(offerState(onlyThere.offerId())).isEqualTo("WITHDRAWN");
        assertThat(data.audit(loses.id())).anySatisfy(row -> assertThat(row.get("detail"))
                .isEqualTo("Its room was taken out of use; the offered times were released"));
        assertThat(jdbc.queryForList("select subject from outbox_message where kind = 'OFFER_ENDED' and "
                + "idempotency_key like ?", String.class, "offer-ended/" + onlyThere.offerId() + "/%"))
                .containsExactly("Offer withdrawn: case " + loses.reference());
        assertThat(jdbc.queryForObject("select count(*) from held_slot where room_id = ? and state in ('HELD', "
                + "'FREED')", Integer.class, room)).isZero();
    }

    @Test
    void aSessionCancelledInARoomOutOfUseFreesNothingForTheWaitingList() {
        long room = newRoom();
        var booked = bookInRoom(room, waiting.amiraOnline(1, 50).getFirst().start());
        data.as("admin", () -> setup.setRoomActive(RoomId.of(room), false));

        data.as("admin", () -> changes.cancel(AppointmentId.of(booked.session().id()), false, "Room closed"));

        assertThat(jdbc.queryForObject("select count(*) from held_slot where freed_by_appointment = ?",
                Integer.class, booked.session().id())).isZero();
    }

    @Test
    void aChoiceTheClosingSkippedIsRefusedAndTheExpiryJobLetsItsTimeGo() throws Exception {
        long room = newRoom();
        var client = waiting.waitingClient("Cy " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()),
                List.of(inPerson(waiting.amiraOnline(1, 50).getFirst(), room)), null));
        long slot = jdbc.queryForObject("select slot_id from slot_offer_time where offer_id = ?", Long.class,
                made.offerId());
        // a client's choice has the time locked while the room closes, and then gives up
        try (var choice = dataSource.getConnection(); var statement = choice.createStatement()) {
            choice.setAutoCommit(false);
            statement.execute("select 1 from held_slot where id = " + slot + " for update");
            data.as("admin", () -> setup.setRoomActive(RoomId.of(room), false));
            choice.rollback();
        }
        assertThat(stateOf(slot)).isEqualTo("HELD");

        var refused = clientStatus.chooseOfferedTime(client.receipt().statusToken(), HeldSlotId.of(slot));
        assertThat(refused.booked()).isFalse();
        assertThat(sessionsOf(client.id())).isZero();

        expiry.expireDue(Instant.now());
        assertThat(stateOf(slot)).isEqualTo("RELEASED");
        assertThat(offerState(made.offerId())).isEqualTo("WITHDRAWN");
    }

    private long newRoom() {
        return data.as("admin", () -> setup.addRoom("Room " + ReviewTestData.uniqueWord())).id();
    }

    private static OfferedTime inPerson(OfferedTime online, long room) {
        return new OfferedTime(online.therapistId(), SessionFormat.IN_PERSON, room, online.start(), online.end());
    }

    private BookingResult.Booked bookInRoom(long room, java.time.ZonedDateTime start) {
        var client = data.submit(IntakeFixtures.completeAnswers("Dee " + ReviewTestData.uniqueWord()));
        return (BookingResult.Booked) data.as("admin", () -> scheduling.book(new BookingRequest(client.id(), null,
                data.idOf("amira"), individualType(), SessionFormat.IN_PERSON, room, start, null)));
    }

    private String stateOf(long slot) {
        return jdbc.queryForObject("select state from held_slot where id = ?", String.class, slot);
    }

    private String offerState(long offerId) {
        return jdbc.queryForObject("select state from slot_offer where id = ?", String.class, offerId);
    }
}
