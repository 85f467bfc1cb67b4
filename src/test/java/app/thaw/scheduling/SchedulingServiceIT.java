package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.intake.SubmittedIntakes;

@IntegrationTest
@RecordApplicationEvents
class SchedulingServiceIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    SchedulingService scheduling;

    @Autowired
    app.thaw.scheduling.SessionChanges changes;

    @Autowired
    DiarySetupService setup;

    @Autowired
    ClientRequestService requests;

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;

    @Autowired
    SubmittedIntakes intakes;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void fiftyBookingsRacingForOneSlotGiveExactlyOneSessionAndFortyNineClearMessages() throws Exception {
        signIn("admin");
        long client = submittedIntake("Race Client").intakeId;
        long amira = staffId("amira");
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 2, 1), LocalTime.of(14, 0), LONDON);
        var admin = SecurityContextHolder.getContext().getAuthentication();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        var ready = new CountDownLatch(1);
        List<Future<BookingResult>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(pool.submit((Callable<BookingResult>) () -> {
                SecurityContextHolder.getContext().setAuthentication(admin);
                ready.await();
                return scheduling.book(online(client, amira, start));
            }));
        }
        ready.countDown();
        List<BookingResult> outcomes = new ArrayList<>();
        for (Future<BookingResult> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(BookingResult.Booked.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(BookingResult.Conflict.class::isInstance).hasSize(49)
                .allSatisfy(conflict -> assertThat(((BookingResult.Conflict) conflict).message())
                        .isEqualTo("Dr Amira Khan already has a session Mon 1 Feb 14:00–14:50"));
        assertThat(jdbc.queryForObject("select count(*) from appointment where therapist_id = ? and starts_at = ?",
                Integer.class, amira, java.sql.Timestamp.from(start.toInstant()))).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfRefusesAnOverlappingSessionWrittenPastTheService() {
        signIn("admin");
        long room = setup.addRoom("Room " + UUID.randomUUID()).id();
        long client = submittedIntake("Past The Service").intakeId;
        long amira = staffId("amira");
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 2, 8), LocalTime.of(9, 0), LONDON);
        var booked = (BookingResult.Booked) scheduling.book(inPerson(client, amira, room, start));
        String insert = """
                insert into appointment (intake_id, therapist_id, room_id, type_id, format, starts_at, ends_at,
                                         created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, now(), ?)""";
        java.sql.Timestamp from = java.sql.Timestamp.from(start.plusMinutes(30).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(start.plusMinutes(80).toInstant());

        // the same therapist, online: the therapist's claim refuses it; another therapist in the same room: the room's
        assertThatThrownBy(() -> jdbc.update(insert, client, amira, null, individualType(), "ONLINE", from, to,
                amira)).hasMessageContaining("diary_claim_therapist_xc");
        assertThatThrownBy(() -> jdbc.update(insert, client, staffId("grace"), room, individualType(), "IN_PERSON",
                from, to, amira)).hasMessageContaining("diary_claim_room_xc");
        // moving another session onto it by hand is refused the same way; once cancelled, the time is free again
        var other = (BookingResult.Booked) scheduling.book(online(client, amira, start.plusHours(3)));
        assertThatThrownBy(() -> jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?", from,
                to, other.session().id())).hasMessageContaining("diary_claim_therapist_xc");
        changes.cancel(AppointmentId.of(booked.session().id()), false, "Moved by hand");
        assertThat(jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?", from, to,
                other.session().id())).isEqualTo(1);
    }

    @Test
    void aRoomCannotHoldTwoSessionsAndTheMessageNamesIt() {
        signIn("admin");
        long room = setup.addRoom("Room " + UUID.randomUUID()).id();
        long client = submittedIntake("Room Client").intakeId;
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 2, 2), LocalTime.of(10, 0), LONDON);
        assertThat(scheduling.book(inPerson(client, staffId("amira"), room, start)))
                .isInstanceOf(BookingResult.Booked.class);

        var clash = scheduling.book(inPerson(client, staffId("grace"), room, start.plusMinutes(30)));

        assertThat(clash).isInstanceOf(BookingResult.Conflict.class);
        assertThat(((BookingResult.Conflict) clash).message()).startsWith("Room ").contains("is already booked")
                .contains("10:00–10:50");
        assertThat(scheduling.book(new BookingRequest(client, null, staffId("grace"), individualType(),
                SessionFormat.IN_PERSON, null, start.plusDays(1), null)))
                .isEqualTo(new BookingResult.Invalid("Choose a room for an in-person session."));
    }

    @Test
    void cancellingFreesTheTimeForAnotherBooking() {
        signIn("admin");
        long client = submittedIntake("Cancel Client").intakeId;
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 2, 3), LocalTime.of(11, 0), LONDON);
        var first = (BookingResult.Booked) scheduling.book(online(client, staffId("tom"), start));

        changes.cancel(AppointmentId.of(first.session().id()), false, "Therapist unwell");

        assertThat(scheduling.book(online(client, staffId("tom"), start))).isInstanceOf(BookingResult.Booked.class);
        assertThat(events.stream(AppointmentCancelled.class)).singleElement()
                .satisfies(cancelled -> assertThat(cancelled.toString()).doesNotContain("unwell"));
    }

    @Test
    void a0130SessionOnTheAutumnClockChangeIsStoredAtTheRightInstantAndTheRepeatedHourIsFree() {
        signIn("admin");
        long client = submittedIntake("Autumn Client").intakeId;
        long tom = staffId("tom");
        LocalDate autumn = LocalDate.of(2027, 10, 31);
        ZonedDateTime firstHalfPastOne = ZonedDateTime.of(autumn, LocalTime.of(1, 30), LONDON);
        ZonedDateTime secondHalfPastOne = firstHalfPastOne.withLaterOffsetAtOverlap();

        var early = (BookingResult.Booked) scheduling.book(online(client, tom, firstHalfPastOne));
        var late = scheduling.book(online(client, tom, secondHalfPastOne));

        assertThat(early.session().start().toInstant().toString()).isEqualTo("2027-10-31T00:30:00Z");
        assertThat(early.session().end().toInstant().toString()).isEqualTo("2027-10-31T01:20:00Z");
        assertThat(late).isInstanceOf(BookingResult.Booked.class);
        assertThat(((BookingResult.Booked) late).session().start().toInstant().toString())
                .isEqualTo("2027-10-31T01:30:00Z");
        assertThat(scheduling.sessions(StaffId.of(tom), autumn,
                autumn)).extracting(s -> s.start().toLocalTime().toString())
                .containsSubsequence("01:30", "01:30");
    }

    @Test
    void a0130SessionOnTheSpringClockChangeMovesToTheRealTimeAndAWeeklySeriesKeepsTheWallClockTime() {
        signIn("admin");
        long client = submittedIntake("Spring Client").intakeId;
        long grace = staffId("grace");
        var skipped = (BookingResult.Booked) scheduling.book(online(client, grace,
                ZonedDateTime.of(LocalDate.of(2027, 3, 28), LocalTime.of(1, 30), LONDON)));
        assertThat(skipped.session().start().toLocalTime()).isEqualTo(LocalTime.of(2, 30));

        var series = scheduling.bookSeries(online(client, grace,
                ZonedDateTime.of(LocalDate.of(2027, 3, 21), LocalTime.of(10, 0), LONDON)),
                new Recurrence(false, 3, null));

        assertThat(series.clashes()).isEmpty();
        assertThat(series.booked()).extracting(s -> s.start().toLocalTime()).containsOnly(LocalTime.of(10, 0));
        assertThat(series.booked()).extracting(s -> s.start().toInstant().toString())
                .containsExactly("2027-03-21T10:00:00Z", "2027-03-28T09:00:00Z", "2027-04-04T09:00:00Z");
    }

    @Test
    void aSeriesBooksTheFreeWeeksAndListsTheClashesToMove() {
        signIn("admin");
        long client = submittedIntake("Series Client").intakeId;
        long amira = staffId("amira");
        ZonedDateTime first = ZonedDateTime.of(LocalDate.of(2027, 5, 4), LocalTime.of(16, 0), LONDON);
        scheduling.book(online(client, amira, first.plusWeeks(2)));

        var series = scheduling.bookSeries(online(client, amira, first), new Recurrence(true, 3, null));

        assertThat(series.booked()).extracting(s -> s.start().toLocalDate())
                .containsExactly(LocalDate.of(2027, 5, 4), LocalDate.of(2027, 6, 1));
        assertThat(series.clashes()).singleElement().satisfies(clash -> {
            assertThat(clash.start().toLocalDate()).isEqualTo(LocalDate.of(2027, 5, 18));
            assertThat(clash.message()).contains("Dr Amira Khan already has a session");
        });
    }

    @Test
    void aTherapistBooksOnlyInTheirOwnDiaryAndTheBookingNoticeHoldsNothingClinical() {
        signIn("amira");
        Client client = submittedIntake("Notice Client");
        ZonedDateTime start = ZonedDateTime.of(LocalDate.of(2027, 6, 7), LocalTime.of(9, 0), LONDON);

        assertThat(scheduling.book(online(client.intakeId, staffId("tom"), start)))
                .isInstanceOf(BookingResult.Invalid.class);
        assertThat(scheduling.book(online(client.intakeId, staffId("amira"), start)))
                .isInstanceOf(BookingResult.Booked.class);
        assertThat(events.stream(AppointmentBooked.class)).singleElement().satisfies(booked -> {
            assertThat(booked.notice().recipients()).extracting(AppointmentNotice.Recipient::email)
                    .containsExactly("client@example.org");
            assertThat(booked.notice().toString()).doesNotContain("cry").doesNotContain("PHQ");
        });
    }

    @Test
    void theClientSeesTheirSessionCancelsFarAheadAndAsksToRearrangeOneCloseToIt() {
        signIn("admin");
        Client client = submittedIntake("Status Client");
        ZonedDateTime farAhead = ZonedDateTime.of(LocalDate.of(2027, 7, 5), LocalTime.of(15, 0), LONDON);
        var session = (BookingResult.Booked) scheduling.book(online(client.intakeId, staffId("grace"), farAhead));
        var soon = (BookingResult.Booked) scheduling.book(online(client.intakeId, staffId("grace"),
                ZonedDateTime.now(LONDON).plusHours(30).withMinute(0).withSecond(0).withNano(0)));
        SecurityContextHolder.clearContext();

        assertThat(clientStatus.appointments(client.statusToken)).hasSize(2);
        String far = clientStatus.requestAppointmentChange(client.statusToken,
                AppointmentId.of(session.session().id()), true, null);
        String near = clientStatus.requestAppointmentChange(client.statusToken,
                AppointmentId.of(soon.session().id()), false,
                "Sorry, ill");

        assertThat(far).contains("is cancelled.");
        assertThat(near).contains("less than 48 hours away", "may count as a late cancellation");
        assertThat(clientStatus.appointments(client.statusToken)).singleElement()
                .satisfies(s -> assertThat(s.changeRequested()).isTrue());
        // the practice manager sees that the client asked and for which session, never their words
        signIn("admin");
        assertThat(requests.open()).anySatisfy(request -> {
            assertThat(request.session().id()).isEqualTo(soon.session().id());
            assertThat(request.message()).isNull();
            assertThat(request.messageWithheld()).isTrue();
        });
        signIn("grace");
        assertThat(requests.open()).anySatisfy(request -> {
            assertThat(request.session().id()).isEqualTo(soon.session().id());
            assertThat(request.message()).isEqualTo("Sorry, ill");
            assertThat(request.messageWithheld()).isFalse();
        });
        signIn("tom");
        assertThat(requests.open()).noneSatisfy(request ->
                assertThat(request.session().id()).isEqualTo(soon.session().id()));
    }

    @Test
    void aClientCannotTouchAnotherClientsSession() {
        signIn("admin");
        Client owner = submittedIntake("Owner Client");
        Client stranger = submittedIntake("Stranger Client");
        var session = (BookingResult.Booked) scheduling.book(online(owner.intakeId, staffId("tom"),
                ZonedDateTime.of(LocalDate.of(2027, 8, 3), LocalTime.of(13, 0), LONDON)));
        SecurityContextHolder.clearContext();

        var refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                clientStatus.requestAppointmentChange(stranger.statusToken,
                        AppointmentId.of(session.session().id()), true, null));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("couldn't find");
        assertThat(clientStatus.appointments(stranger.statusToken)).isEmpty();
    }

    private record Client(long intakeId, String statusToken) {
    }

    private Client submittedIntake(String name) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.clearContext();
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        String token = intake.startDraft(null, address).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers(name).asMap(), "consent");
        SubmissionReceipt receipt = ((SubmissionOutcome.Submitted) intake.submit(token, address, false)).receipt();
        SecurityContextHolder.getContext().setAuthentication(auth);
        long id = jdbc.queryForObject("select id from intake where reference = ?", Long.class, receipt.reference());
        return new Client(id, receipt.statusToken());
    }

    private BookingRequest online(long intakeId, long therapistId, ZonedDateTime start) {
        return new BookingRequest(intakeId, null, therapistId, individualType(), SessionFormat.ONLINE, null, start,
                null);
    }

    private BookingRequest inPerson(long intakeId, long therapistId, long roomId, ZonedDateTime start) {
        return new BookingRequest(intakeId, null, therapistId, individualType(), SessionFormat.IN_PERSON, roomId,
                start, null);
    }

    private long individualType() {
        return jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
    }

    private long staffId(String username) {
        return jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username);
    }

    private void signIn(String username) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
