package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * A room taken out of use takes no new session on any path, even one racing the closing from another instance: a
 * booking or move that waited while the room closed is refused with the room's name, and a closing that waited for a
 * move into the room in flight tells the practice manager the session is still booked there. Sessions already there
 * keep going ahead: cancelled, marked or given to another therapist, but not moved to another time there.
 */
@IntegrationTest
class RoomClosingWhileBookingIT {

    /** Holds every booking and move in the therapist's hours check, as the tester's psql did across two instances. */
    private static final String HOURS_HELD = "lock table time_away in access exclusive mode";

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    StaffAdministration team;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    SessionChanges changes;
    @Autowired
    DiarySetupService setup;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    @Test
    void aMoveThatWaitedWhileTheRoomWasTakenOutOfUseIsRefusedWithTheRoomsName() throws Exception {
        long therapist = week.therapist("Dr Mover " + ReviewTestData.uniqueWord());
        DiarySetupService.RoomView quiet = newRoom();
        long session = week.book(inRoom(therapist, newRoom().id(), 10)).id();

        // the move has checked the room and waits in the therapist's hours while the room closes, as on two instances
        BookingResult moved;
        RoomChange closing;
        try (Connection blocker = new LockWaits(jdbc, dataSource).holding(HOURS_HELD)) {
            CompletableFuture<BookingResult> move = LockWaits.inOwnThread(() -> data.as("admin",
                    () -> changes.reschedule(AppointmentId.of(session), startOf(session), RoomId.of(quiet.id()))));
            new LockWaits(jdbc, dataSource).awaitBlockedBy(blocker, "the move waits in the hours check");
            closing = data.as("admin", () -> setup.setRoomActive(RoomId.of(quiet.id()), false));
            blocker.rollback();
            moved = move.get(30, TimeUnit.SECONDS);
        }

        assertThat(closing.sessionsStillBooked()).isZero();
        assertThat(moved).isInstanceOf(BookingResult.Invalid.class);
        assertThat(((BookingResult.Invalid) moved).message()).isEqualTo(quiet.name() + " was taken out of use, "
                + "perhaps a moment ago: sessions can no longer be booked or moved there. Choose another room.");
        assertThat(roomOf(session)).isNotEqualTo(quiet.id());
    }

    @Test
    void aBookingThatWaitedWhileTheRoomWasTakenOutOfUseIsRefusedWithTheRoomsName() throws Exception {
        long therapist = week.therapist("Dr Booker " + ReviewTestData.uniqueWord());
        DiarySetupService.RoomView quiet = newRoom();
        BookingRequest request = inRoom(therapist, quiet.id(), 11);

        BookingResult booked;
        try (Connection blocker = new LockWaits(jdbc, dataSource).holding(HOURS_HELD)) {
            CompletableFuture<BookingResult> booking = LockWaits.inOwnThread(() -> data.as("admin",
                    () -> scheduling.book(request)));
            new LockWaits(jdbc, dataSource).awaitBlockedBy(blocker, "the booking waits in the hours check");
            data.as("admin", () -> setup.setRoomActive(RoomId.of(quiet.id()), false));
            blocker.rollback();
            booked = booking.get(30, TimeUnit.SECONDS);
        }

        assertThat(booked).isInstanceOf(BookingResult.Invalid.class);
        assertThat(((BookingResult.Invalid) booked).message()).startsWith(quiet.name() + " was taken out of use");
        assertThat(jdbc.queryForObject("select count(*) from appointment where room_id = ?", Long.class, quiet.id()))
                .isZero();
    }

    @Test
    void aClosingThatWaitedForAMoveIntoTheRoomCountsTheSessionStillBookedThere() throws Exception {
        long therapist = week.therapist("Dr Quick " + ReviewTestData.uniqueWord());
        DiarySetupService.RoomView quiet = newRoom();
        long session = week.book(inRoom(therapist, newRoom().id(), 12)).id();

        // the move has written the session into the room and waits before its commit while the room closes
        BookingResult moved;
        CompletableFuture<RoomChange> closing;
        var locks = new LockWaits(jdbc, dataSource);
        try (Connection blocker = locks.holding("lock table appointment_request in access exclusive mode")) {
            CompletableFuture<BookingResult> move = LockWaits.inOwnThread(() -> data.as("admin",
                    () -> changes.reschedule(AppointmentId.of(session), startOf(session), RoomId.of(quiet.id()))));
            locks.awaitBlockedBy(blocker, "the move waits before its commit");
            closing = LockWaits.inOwnThread(() -> data.as("admin",
                    () -> setup.setRoomActive(RoomId.of(quiet.id()), false)));
            awaitDoneOrWaitingForTheRoom(closing);
            blocker.rollback();
            moved = move.get(30, TimeUnit.SECONDS);
        }

        assertThat(moved).isInstanceOf(BookingResult.Booked.class);
        assertThat(roomOf(session)).isEqualTo(quiet.id());
        RoomChange change = closing.get(30, TimeUnit.SECONDS);
        assertThat(change.sessionsStillBooked()).isOne();
        assertThat(change.first()).isEqualTo(startOf(session));
    }

    @Test
    void aSessionInARoomTakenOutOfUseGoesAheadThereButIsNotMovedToAnotherTimeThere() {
        long therapist = week.therapist("Dr Stays " + ReviewTestData.uniqueWord());
        long other = week.therapist("Dr Other " + ReviewTestData.uniqueWord());
        DiarySetupService.RoomView closed = newRoom();
        long kept = week.book(inRoom(therapist, closed.id(), 9)).id();
        long cancelled = week.book(inRoom(therapist, closed.id(), 13)).id();
        long happened = week.book(inRoom(therapist, closed.id(), 15)).id();
        week.happened(happened, WorkingWeekData.longAgo());
        data.as("admin", () -> setup.setRoomActive(RoomId.of(closed.id()), false));

        BookingResult later = data.as("admin", () -> changes.reschedule(AppointmentId.of(kept),
                startOf(kept).plusHours(1), RoomId.of(closed.id())));
        assertThat(later).isInstanceOf(BookingResult.Invalid.class);
        assertThat(((BookingResult.Invalid) later).message()).startsWith(closed.name() + " was taken out of use");
        assertThat(data.as("admin", () -> changes.changeTherapist(AppointmentId.of(kept), StaffId.of(other), null)))
                .isInstanceOf(BookingResult.Booked.class);
        data.as("admin", () -> changes.cancel(AppointmentId.of(cancelled), false, "The room is closed"));
        data.as("admin", () -> changes.recordOutcome(AppointmentId.of(happened), AppointmentState.ATTENDED));
        long open = newRoom().id();
        assertThat(data.as("admin", () -> changes.reschedule(AppointmentId.of(kept), startOf(kept).plusHours(1),
                RoomId.of(open)))).isInstanceOf(BookingResult.Booked.class);

        assertThat(jdbc.queryForList("select state from appointment where id in (?, ?) order by id", String.class,
                cancelled, happened)).containsExactly("CANCELLED", "ATTENDED");
        assertThat(roomOf(kept)).isEqualTo(open);
    }

    private DiarySetupService.RoomView newRoom() {
        return data.as("admin", () -> setup.addRoom("Room " + ReviewTestData.uniqueWord()));
    }

    private BookingRequest inRoom(long therapist, long room, int hour) {
        var client = data.submit(IntakeFixtures.completeAnswers("Dan " + ReviewTestData.uniqueWord()));
        return new BookingRequest(client.id(), null, therapist, week.type("INDIVIDUAL"), SessionFormat.IN_PERSON,
                room, WorkingWeekData.at(WorkingWeekData.farMonday(), hour, 0), null);
    }

    private ZonedDateTime startOf(long session) {
        return jdbc.queryForObject("select starts_at from appointment where id = ?", java.sql.Timestamp.class,
                session).toInstant().atZone(app.thaw.Application.PRACTICE_ZONE);
    }

    private long roomOf(long session) {
        return jdbc.queryForObject("select room_id from appointment where id = ?", Long.class, session);
    }

    /** Until the closing has finished, or waits for the room's row (the share lock of a move into it in flight). */
    private void awaitDoneOrWaitingForTheRoom(CompletableFuture<?> closing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !closing.isDone()) {
            Long waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where datname = "
                    + "current_database() and wait_event_type = 'Lock' and query ilike 'update room%'", Long.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
    }
}
