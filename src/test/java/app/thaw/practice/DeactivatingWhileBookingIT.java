package app.thaw.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;


import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffActionRefused;

/**
 * No session is booked with someone who has left: a booking for a deactivated therapist, or a session handed to one,
 * is refused by the database with a sentence that says so; and a booking and the deactivation of its therapist at the
 * same moment take turns on the therapist's diary, whichever comes first. The database refuses a session booked or
 * moved into a room out of use as it does one with a therapist who left (V206; the races: RoomClosingWhileBookingIT).
 */
@IntegrationTest
class DeactivatingWhileBookingIT extends DepartureTestSupport {

    @Test
    void nobodyBooksOrHandsASessionToATherapistWhoHasLeft() {
        String name = "Dr Gone " + ReviewTestData.uniqueWord();
        long gone = week.therapist(name);
        long staying = week.therapist("Dr Here " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Ada " + ReviewTestData.uniqueWord()));
        data.as("admin", () -> handover.deactivate(StaffId.of(gone)));

        var start = WorkingWeekData.at(WorkingWeekData.farMonday(), 10, 0);
        var refused = data.as("admin", () -> scheduling.book(week.online(client.id(), gone, start)));
        assertThat(refused).isInstanceOf(BookingResult.Invalid.class);
        assertThat(((BookingResult.Invalid) refused).message()).isEqualTo(name + " no longer sees clients here "
                + "(their account was deactivated or their role changed). Choose another therapist.");

        long session = week.book(week.online(client.id(), staying, start)).id();
        var handedOver = data.as("admin", () -> handover.moveSession(AppointmentId.of(session), StaffId.of(gone),
                null));
        assertThat(handedOver).isInstanceOf(BookingResult.Invalid.class);
        assertThat(jdbc.queryForObject("select therapist_id from appointment where id = ?", Long.class, session))
                .isEqualTo(staying);
        assertThat(jdbc.queryForObject("select count(*) from appointment where therapist_id = ?", Long.class, gone))
                .isZero();
    }

    @Test
    void aDeactivationThatWaitedForABookingInFlightCountsItsSessionAndIsRefused() throws Exception {
        Race race = race("Dr Busy", true);
        assertThat(race.booked()).isInstanceOf(BookingResult.Booked.class);
        assertThat(race.deactivation()).isInstanceOf(StaffActionRefused.class)
                .hasMessageContaining("1 session to come");
        assertThat(race.active()).isTrue();
        assertThat(race.sessions()).isOne();
    }

    @Test
    void aBookingThatWaitedWhileItsTherapistWasDeactivatedIsRefusedWithTheReason() throws Exception {
        Race race = race("Dr Leaving", false);
        assertThat(race.deactivation()).isNull();
        assertThat(race.active()).isFalse();
        assertThat(race.booked()).isInstanceOf(BookingResult.Invalid.class);
        assertThat(((BookingResult.Invalid) race.booked()).message()).contains("no longer sees clients here");
        assertThat(race.sessions()).isZero();
    }

    private record Race(BookingResult booked, Throwable deactivation, boolean active, long sessions) {
    }

    /**
     * A booking (already past every check, the therapist active) and the therapist's deactivation both wait for the
     * therapist's diary, in the order asked; then the diary is let go and each finishes.
     */
    private Race race(String therapistName, boolean bookingFirst) throws Exception {
        long therapist = week.therapist(therapistName + " " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Bo " + ReviewTestData.uniqueWord()));
        var request = week.online(client.id(), therapist, WorkingWeekData.at(WorkingWeekData.farMonday(), 12, 0));
        var both = new LockWaits(jdbc, dataSource).queueBehind(LockWaits.turn(LockWaits.DIARY, therapist),
                bookingFirst, "the booking", () -> data.as("admin", () -> scheduling.book(request)),
                "the deactivation", () -> deactivated(therapist));
        BookingResult booked = both.a().get(30, TimeUnit.SECONDS);
        Throwable refusal = LockWaits.failureOf(both.b());
        return new Race(booked, refusal,
                active(therapist),
                jdbc.queryForObject("select count(*) from appointment where therapist_id = ? and state = 'BOOKED'",
                        Long.class, therapist));
    }

    @Test
    void theDatabaseRefusesASessionWithADeactivatedTherapistWrittenPastTheServices() {
        long gone = week.therapist("Dr Past " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Cy " + ReviewTestData.uniqueWord()));
        data.as("admin", () -> handover.deactivate(StaffId.of(gone)));
        var request = week.online(client.id(), gone, WorkingWeekData.at(WorkingWeekData.farMonday(), 14, 0));

        assertThatThrownBy(() -> jdbc.update("""
                insert into appointment (intake_id, therapist_id, type_id, format, starts_at, ends_at, created_at)
                values (?, ?, ?, 'ONLINE', ?, ?, now())""", client.id(), gone, request.typeId(),
                java.sql.Timestamp.from(request.start().toInstant()),
                java.sql.Timestamp.from(request.start().plusMinutes(50).toInstant())))
                .hasMessageContaining("no longer active");
    }

    @Test
    void theDatabaseRefusesASessionBookedOrMovedIntoARoomOutOfUseWrittenPastTheServices() {
        long therapist = week.therapist("Dr Room " + ReviewTestData.uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Di " + ReviewTestData.uniqueWord()));
        var request = week.online(client.id(), therapist, WorkingWeekData.at(WorkingWeekData.farMonday(), 15, 0));
        long closing = jdbc.queryForObject("insert into room (name) values (?) returning id", Long.class,
                "Room " + ReviewTestData.uniqueWord());
        long session = jdbc.queryForObject("""
                insert into appointment (intake_id, therapist_id, room_id, type_id, format, starts_at, ends_at,
                                         created_at)
                values (?, ?, ?, ?, 'IN_PERSON', ?, ?, now()) returning id""", Long.class, client.id(), therapist,
                closing, request.typeId(), java.sql.Timestamp.from(request.start().toInstant()),
                java.sql.Timestamp.from(request.start().plusMinutes(50).toInstant()));
        jdbc.update("update room set active = false where id = ?", closing);

        assertThatThrownBy(() -> jdbc.update("""
                insert into appointment (intake_id, therapist_id, room_id, type_id, format, starts_at, ends_at,
                                         created_at)
                values (?, ?, ?, ?, 'IN_PERSON', ?, ?, now())""", client.id(), therapist, closing, request.typeId(),
                java.sql.Timestamp.from(request.start().plusHours(2).toInstant()),
                java.sql.Timestamp.from(request.start().plusHours(2).plusMinutes(50).toInstant())))
                .hasMessageContaining("no longer in use");
        assertThatThrownBy(() -> jdbc.update("update appointment set starts_at = starts_at + interval '1 hour', "
                + "ends_at = ends_at + interval '1 hour' where id = ?", session))
                .hasMessageContaining("no longer in use");
        // the session already there goes ahead: anything that keeps its time and room is still written
        jdbc.update("update appointment set version = version + 1 where id = ?", session);
        jdbc.update("update appointment set state = 'ATTENDED' where id = ?", session);
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, session))
                .isEqualTo("ATTENDED");
    }
}
