package app.thaw.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.base.ids.StaffId;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.Application;
import app.thaw.intake.ClientContact;
import app.thaw.intake.ClientContacts;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.BusyTime;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.security.Roles;

/**
 * Finds the next free times for a case from the diary as it stands; the finding itself is {@link SlotFinder}, the
 * therapist's hours, time away and closed days come from {@link Availability}.
 */
@Service
@Transactional(readOnly = true)
public class FreeSlotService {

    static final Duration STEP = Duration.ofMinutes(30);

    private final Availability availability;
    private final AppointmentRepository appointments;
    private final AppointmentTypeRepository types;
    private final RoomRepository rooms;
    private final ClientContacts contacts;
    private final CaseAccess access;
    private final HeldTimes held;
    private final Clock clock;

    FreeSlotService(Availability availability, AppointmentRepository appointments, AppointmentTypeRepository types,
                    RoomRepository rooms, ClientContacts contacts, CaseAccess access, HeldTimes held, Clock clock) {
        this.held = held;
        this.access = access;
        this.availability = availability;
        this.appointments = appointments;
        this.types = types;
        this.rooms = rooms;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * Up to {@code max} free times within {@code days} days, fitting every client's stated availability; in
     * person, the preferred room is used whenever it is free, otherwise the first free one.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    @ActsOnCase(CaseOperation.READ_BOOKING_DETAILS)
    public List<SlotSuggestion> find(IntakeId intakeId, @Nullable IntakeId partnerIntakeId, StaffId therapistId,
                                     SessionTypeId typeId, SessionFormat format, @Nullable RoomId preferredRoomId,
                                     int days, int max) {
        Instant now = clock.instant();
        LocalDate last = now.atZone(Application.PRACTICE_ZONE).toLocalDate().plusDays(Math.clamp(days, 1, 92));
        int minutes = types.findById(typeId.value()).orElseThrow().getDefaultMinutes();
        List<SlotFinder.ClientAvailability> clients = new ArrayList<>();
        CaseGrant client = access.require(intakeId, CaseOperation.READ_BOOKING_DETAILS);
        clients.add(availability(contacts.contact(client)));
        if (partnerIntakeId != null) {
            access.partners(client, CaseOperation.READ_BOOKING_DETAILS).stream()
                    .filter(partner -> partner.intakeId() == partnerIntakeId.value())
                    .findFirst()
                    .ifPresent(partner -> clients.add(availability(contacts.contact(partner))));
        }
        return freeIn(therapistId.value(), Duration.ofMinutes(minutes), format, RoomId.numberOf(preferredRoomId), now,
                last, clients,
                Math.clamp(max, 1, 50));
    }

    /**
     * Free times in one therapist's diary from {@code notBefore} to {@code last}: their hours, minus time away and
     * closed days, clear of sessions and held times, in a free room when in person (the preferred one first).
     */
    List<SlotSuggestion> freeIn(long therapistId, Duration length, SessionFormat format,
                                @Nullable Long preferredRoomId, Instant notBefore, LocalDate last,
                                List<SlotFinder.ClientAvailability> clients, int max) {
        Instant now = notBefore;
        LocalDate first = now.atZone(Application.PRACTICE_ZONE).toLocalDate();
        Instant windowEnd = last.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant();

        List<SlotFinder.RoomDiary> roomDiaries = null;
        Map<Long, String> roomNames = rooms.findActiveInNameOrder().stream()
                .collect(Collectors.toMap(Room::getId, Room::getName));
        if (format == SessionFormat.IN_PERSON) {
            roomDiaries = new ArrayList<>();
            // a time held for an offer is as taken as a booked one
            Map<Long, List<SlotFinder.Busy>> taken = java.util.stream.Stream.concat(
                    appointments.findRoomsBusy(now, windowEnd, roomNames.keySet()).stream(),
                    held.forRooms(roomNames.keySet(), now, windowEnd).stream()).collect(Collectors.groupingBy(BusyTime::roomId,
                            Collectors.mapping(FreeSlotService::busy, Collectors.toList())));
            var order = java.util.Comparator.<Long, Boolean>comparing(id -> !id.equals(preferredRoomId))
                    .thenComparing(java.util.Comparator.naturalOrder());
            for (Long roomId : roomNames.keySet().stream().sorted(order).toList()) {
                roomDiaries.add(new SlotFinder.RoomDiary(roomId, taken.getOrDefault(roomId, List.of())));
            }
        }
        var query = new SlotFinder.Query(Application.PRACTICE_ZONE, now, last, length, STEP,
                availability.weeklyHours(therapistId), availability.datedExceptions(therapistId, first, last),
                java.util.stream.Stream.concat(appointments.findTherapistBusy(now, windowEnd, therapistId).stream(),
                        held.forTherapist(therapistId, now, windowEnd).stream()).map(FreeSlotService::busy).toList(),
                roomDiaries, clients, max);
        return SlotFinder.find(query).stream()
                .map(slot -> new SlotSuggestion(slot.start(), slot.end(), slot.roomId(),
                        slot.roomId() == null ? null : roomNames.get(slot.roomId())))
                .toList();
    }

    private static SlotFinder.Busy busy(BusyTime time) {
        return new SlotFinder.Busy(time.startsAt(), time.endsAt());
    }

    /** The intake's "days and times that suit" as the slot finder reads them; nothing ticked means any. */
    static SlotFinder.ClientAvailability availability(ClientContact contact) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : contact.availableDays()) {
            try {
                days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // an option the slot finder doesn't know restricts nothing
            }
        }
        Set<SlotFinder.PartOfDay> times = EnumSet.noneOf(SlotFinder.PartOfDay.class);
        for (String time : contact.availableTimes()) {
            try {
                times.add(SlotFinder.PartOfDay.valueOf(time.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // as above
            }
        }
        return new SlotFinder.ClientAvailability(days, times);
    }
}
