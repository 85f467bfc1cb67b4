package app.thaw.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.care.CareEventKind;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.scheduling.domain.TimeAway;
import app.thaw.scheduling.domain.TimeAwayRepository;
import app.thaw.scheduling.domain.WorkingHours;
import app.thaw.scheduling.domain.WorkingHoursRepository;
import app.thaw.security.Roles;

/**
 * Demo data only (ADR 18): the {@code dev} feature's rooms, working weeks and sessions, past ones too, which no booking
 * path takes. A session still passes the safety gates and tells the course of care (assignment, status) as a booking
 * does. The bean exists in the dev profile alone, for the system identity.
 */
@Component
@Profile("dev")
public class DemoDiarySeeding {

    private final RoomRepository rooms;
    private final WorkingHoursRepository hours;
    private final TimeAwayRepository timeAway;
    private final AppointmentRepository appointments;
    private final AppointmentTypeRepository types;
    private final CaseAccess access;
    private final DiaryCare care;
    private final Clock clock;

    DemoDiarySeeding(RoomRepository rooms, WorkingHoursRepository hours, TimeAwayRepository timeAway,
                     AppointmentRepository appointments, AppointmentTypeRepository types, CaseAccess access,
                     DiaryCare care, Clock clock) {
        this.rooms = rooms;
        this.hours = hours;
        this.timeAway = timeAway;
        this.appointments = appointments;
        this.types = types;
        this.access = access;
        this.care = care;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public long addRoom(String name) {
        return rooms.save(new Room(name)).getId();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public void addHours(long therapistId, DayOfWeek day, LocalTime starts, LocalTime ends) {
        hours.save(new WorkingHours(therapistId, day, starts, ends));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public void addAnnualLeave(long therapistId, LocalDate firstDay, LocalDate lastDay) {
        timeAway.save(new TimeAway(therapistId, firstDay, lastDay, null, null, AwayReason.ANNUAL_LEAVE, null,
                clock.instant(), null));
    }

    /**
     * A session of the kind {@code typeCode} booked at {@code bookedAt} by its therapist (both partners for a couple),
     * and attended when {@code attended}. Returns the session's id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public long addSession(List<CaseGrant> clients, long therapistId, @Nullable Long roomId, String typeCode,
                           SessionFormat format, Instant start, Instant end, Instant bookedAt, boolean attended) {
        access.requireBookable(clients, clients.size() > 1);
        long type = types.findAllByOrderByIdAsc().stream().filter(t -> t.getCode().equals(typeCode)).findFirst()
                .orElseThrow().getId();
        Appointment session = appointments.save(new Appointment(clients.getFirst().intakeId(),
                clients.size() > 1 ? clients.get(1).intakeId() : null, therapistId, roomId, type, format, start, end,
                null, bookedAt, therapistId));
        care.booked(clients, session);
        if (attended) {
            session.markOutcome(AppointmentState.ATTENDED);
            care.changed(clients.getFirst(), session, CareEventKind.SESSION_ATTENDED, start);
        }
        return session.getId();
    }
}
