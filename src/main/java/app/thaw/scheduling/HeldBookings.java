package app.thaw.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.NotACasePath;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentInserts;
import app.thaw.security.Roles;

/**
 * Books a session on a time the practice held for a case (a waitlist offer chosen by a client, a backfill), inside the
 * caller's transaction: the caller releases the hold first, so the session takes its place among the diary's claims
 * and a rival booking meets one or the other. The gates are the same as any booking's: the clients' grants, the
 * safety gates now, and that the therapist can still see clients then. An overlap the database refuses, or a gate,
 * propagates so the caller's whole transaction (the release included) rolls back.
 */
@Service
public class HeldBookings {

    private static final DateTimeFormatter WHEN = PracticeTime.DAY_TIME;

    /** A held time as it will be booked. */
    public record HeldTime(long therapistId, @Nullable Long roomId, long typeId, SessionFormat format, Instant start,
                           Instant end) {
    }

    private final AppointmentInserts inserts;
    private final SessionTypes types;
    private final NewSessions newSessions;
    private final Availability availability;
    private final RoomUse rooms;
    private final CaseAccess access;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    HeldBookings(AppointmentInserts inserts, SessionTypes types, NewSessions newSessions,
                 Availability availability, RoomUse rooms, CaseAccess access, JdbcTemplate jdbc, Clock clock) {
        this.inserts = inserts;
        this.types = types;
        this.newSessions = newSessions;
        this.availability = availability;
        this.rooms = rooms;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the database refused the booking because its room was taken out of use a moment ago (V206). */
    public static boolean roomClosed(DataIntegrityViolationException refusal) {
        return ConflictMessages.isRoomClosed(refusal);
    }

    /** Why the therapist cannot see clients then (closed, away, outside hours), if so: no offer holds such a time. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public Optional<String> unavailable(StaffId therapistId, Instant from, Instant to) {
        return availability.problem(therapistId.value(), from, to);
    }

    /**
     * Shares these cases' turn with a closing (ADR 25) now, before the caller locks anything of its own: the booking
     * would share it at its insert, and a closing that took it in between would then wait for the caller's locks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    @NotACasePath("takes the cases' turn with a closing; reads and writes nothing of them")
    public void shareCaseTurns(List<Long> intakeIds) {
        jdbc.query("select share_cases_with_booking(?)", ps -> ps.setArray(1, ps.getConnection().createArrayOf(
                "bigint", intakeIds.toArray())), rs -> { });
    }

    /**
     * Books {@code time} for the case's clients (a couple's both partners: a joint session). {@code how} goes into the
     * audit line ("chosen by the client from an offer"); {@code bookedBy} is the staff member, or null for the client;
     * {@code chosenBy} the client who chose the time (a couple's partner is told so in their confirmation), if one did.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public BookingResult book(List<CaseGrant> clients, HeldTime time, @Nullable Long bookedBy,
                              @Nullable Long chosenBy, String how) {
        clients.forEach(client -> client.requireFor(CaseOperation.BOOK_SESSION));
        access.requireBookable(clients, clients.size() > 1);
        SessionTypes.SessionType type = types.of(time.typeId()).orElse(null);
        if (type == null || !type.active()) {
            return new BookingResult.Invalid("That kind of session is no longer offered.");
        }
        if (type.couples() && clients.size() < 2) {
            return new BookingResult.Invalid("A couples session needs both partners.");
        }
        if (!time.start().isAfter(clock.instant())) {
            return new BookingResult.Invalid("That time has already passed.");
        }
        Optional<String> problem = availability.problem(time.therapistId(), time.start(), time.end());
        if (problem.isPresent()) {
            return new BookingResult.Unavailable(problem.get(), false);
        }
        if (!rooms.inUse(time.roomId())) {
            return new BookingResult.Unavailable("That room is no longer in use.", false);
        }
        Long partner = clients.size() > 1 ? clients.get(1).intakeId() : null;
        Appointment appointment = inserts.insert(new Appointment(clients.getFirst().intakeId(), partner,
                time.therapistId(), time.roomId(), type.id(), time.format(), time.start(), time.end(), null,
                clock.instant(), bookedBy));
        SessionViews.Booked booked = newSessions.booked(appointment, clients, false, chosenBy,
                done -> type.label() + " " + WHEN.format(time.start()) + " with " + done.view().therapistName() + ", "
                        + how);
        return new BookingResult.Booked(booked.view());
    }
}
