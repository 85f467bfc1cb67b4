package app.thaw.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.Application;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.scheduling.domain.TimeAway;
import app.thaw.scheduling.domain.TimeAwayRepository;
import app.thaw.scheduling.domain.WorkingHours;
import app.thaw.scheduling.domain.WorkingHoursRepository;

/** Rooms, the demo therapists' weeks and a handful of booked sessions for local runs. Created once. */
@Component
@Profile("dev")
@Order(20)
class DemoDiary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDiary.class);

    private final RoomRepository rooms;
    private final WorkingHoursRepository hours;
    private final TimeAwayRepository timeAway;
    private final AppointmentRepository appointments;
    private final AppointmentTypeRepository types;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoDiary(RoomRepository rooms, WorkingHoursRepository hours, TimeAwayRepository timeAway,
              AppointmentRepository appointments, AppointmentTypeRepository types, JdbcTemplate jdbc, Clock clock) {
        this.rooms = rooms;
        this.hours = hours;
        this.timeAway = timeAway;
        this.appointments = appointments;
        this.types = types;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (rooms.count() > 0) {
            return;
        }
        List<Room> practiceRooms = List.of(rooms.save(new Room("Room 1 · Ancoats")),
                rooms.save(new Room("Room 2 · Garden room")), rooms.save(new Room("Room 3 · Quiet room")));
        long amira = id("amira");
        long tom = id("tom");
        long grace = id("grace");
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.save(new WorkingHours(amira, day, LocalTime.of(9, 0), LocalTime.of(17, 0)));
            hours.save(new WorkingHours(grace, day, LocalTime.of(10, 0), LocalTime.of(18, 0)));
        }
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
            hours.save(new WorkingHours(tom, day, LocalTime.of(12, 0), LocalTime.of(20, 0)));
        }
        hours.save(new WorkingHours(tom, DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)));
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        timeAway.save(new TimeAway(grace, today.plusDays(10), today.plusDays(14), null, null,
                AwayReason.ANNUAL_LEAVE, null, clock.instant(), null));
        bookDemoSessions(practiceRooms, amira, today);
        log.info("Created demo rooms, working hours and sessions");
    }

    /** A few individual sessions next week in Amira's diary for the first routine cases. */
    private void bookDemoSessions(List<Room> practiceRooms, long amira, LocalDate today) {
        long individual = types.findAllByOrderByIdAsc().stream().filter(t -> t.getCode().equals("INDIVIDUAL"))
                .findFirst().orElseThrow().getId();
        List<Long> intakeIds = jdbc.queryForList(
                "select id from intake where not urgent and requested_type = 'INDIVIDUAL' order by id limit 4",
                Long.class);
        LocalDate monday = today.plusDays(8 - today.getDayOfWeek().getValue());
        for (int i = 0; i < intakeIds.size(); i++) {
            ZonedDateTime start = ZonedDateTime.of(monday.plusDays(i), LocalTime.of(10 + i, 0),
                    Application.PRACTICE_ZONE);
            Appointment booked = appointments.save(new Appointment(intakeIds.get(i), null, amira,
                    practiceRooms.get(i % 3).getId(), individual, SessionFormat.IN_PERSON, start.toInstant(),
                    start.plusMinutes(50).toInstant(), null, clock.instant(), amira));
            // demo data skips the booking service, so it writes what the service would: the event and the status
            jdbc.update("""
                    insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, appointment_id,
                                            treatment)
                    values (?, 'SESSION_BOOKED', now(), now(), ?, ?, true)""", intakeIds.get(i), amira, booked.getId());
            jdbc.update("update intake set status = 'SCHEDULED' where id = ? and status <> 'CLOSED'", intakeIds.get(i));
        }
    }

    private long id(String username) {
        return Objects.requireNonNull(
                jdbc.queryForObject("select id from staff_account where username = ?", Long.class, username), "demo staff");
    }
}
