package app.thaw.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.thaw.Application;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientName;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRequestRepository;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/** Turns appointments into what screens and notices show, looking up names once per batch. */
@Component
class SessionViews {

    private final SubmittedIntakes intakes;
    private final CaseAccess access;
    private final StaffAccountService staff;
    private final RoomRepository rooms;
    private final AppointmentTypeRepository types;
    private final SessionTypes sessionTypes;
    private final AppointmentRequestRepository requests;

    private final MeetingLinks links;

    SessionViews(SubmittedIntakes intakes, CaseAccess access, StaffAccountService staff, RoomRepository rooms,
                 AppointmentTypeRepository types, SessionTypes sessionTypes, AppointmentRequestRepository requests,
                 MeetingLinks links) {
        this.sessionTypes = sessionTypes;
        this.links = links;
        this.access = access;
        this.intakes = intakes;
        this.staff = staff;
        this.rooms = rooms;
        this.types = types;
        this.requests = requests;
    }

    List<SessionView> of(List<Appointment> appointments) {
        return of(appointments, names(appointments), true);
    }

    /**
     * Names are read for just the sessions shown (their therapists, rooms and clients, each in one query), not
     * every staff account, room and type: a booking shows one session, and the diary a week of them.
     */
    private List<SessionView> of(List<Appointment> appointments, Map<Long, ClientName> clients,
                                 boolean mayHaveRequests) {
        if (appointments.isEmpty()) {
            return List.of();
        }
        Set<Long> therapistIds = new HashSet<>();
        Set<Long> roomIds = new HashSet<>();
        Set<Long> typeIds = new HashSet<>();
        for (Appointment a : appointments) {
            therapistIds.add(a.getTherapistId());
            typeIds.add(a.getTypeId());
            if (a.getRoomId() != null) {
                roomIds.add(a.getRoomId());
            }
        }
        Map<Long, String> therapists = SystemActor.call(() -> staff.displayNames(therapistIds));
        Map<Long, String> roomNames = new HashMap<>();
        // one session: by primary key; several: the few rooms and types in one read each
        (roomIds.size() == 1 ? rooms.findById(roomIds.iterator().next()).stream().toList()
                : roomIds.isEmpty() ? List.<Room>of() : rooms.findAll())
                .forEach(room -> roomNames.put(room.getId(), room.getName()));
        Map<Long, String> typeLabels = new HashMap<>();
        if (typeIds.size() == 1) {
            sessionTypes.of(typeIds.iterator().next()).ifPresent(type -> typeLabels.put(type.id(), type.label()));
        } else {
            types.findAll().forEach(type -> typeLabels.put(type.getId(), type.getLabel()));
        }
        Set<Long> requested = !mayHaveRequests ? Set.of()
                : requests.findOpenRequestAppointmentIds(appointments.stream().map(Appointment::getId).toList());
        List<SessionView> views = new ArrayList<>();
        for (Appointment a : appointments) {
            ClientName client = Objects.requireNonNull(clients.get(a.getIntakeId()), "looked up for every session");
            ClientName partner = a.getPartnerIntakeId() == null ? null : clients.get(a.getPartnerIntakeId());
            views.add(new SessionView(a.getId(), a.getIntakeId(), client.reference(), client.fullName(),
                    a.getPartnerIntakeId(), partner == null ? null : partner.fullName(), a.getTherapistId(),
                    therapists.getOrDefault(a.getTherapistId(), "Former staff member"), a.getRoomId(),
                    a.getRoomId() == null ? null : roomNames.get(a.getRoomId()), a.getTypeId(),
                    typeLabels.getOrDefault(a.getTypeId(), "Session"), a.getFormat(),
                    a.getStartsAt().atZone(Application.PRACTICE_ZONE), a.getEndsAt().atZone(Application.PRACTICE_ZONE),
                    a.getState(), a.getSeriesId(), requested.contains(a.getId())));
        }
        return views;
    }

    SessionView of(Appointment appointment) {
        return of(List.of(appointment)).getFirst();
    }

    /** The notice clients get: names they asked to be called, time, place; nothing clinical. */
    AppointmentNotice notice(Appointment appointment) {
        Map<Long, ClientName> clients = names(List.of(appointment));
        return withLink(notice(appointment, of(List.of(appointment), clients, true).getFirst(), clients),
                appointment.getTherapistId());
    }

    /** The notices of many sessions from one set of reads (names, therapists, rooms, types, meeting links). */
    List<AppointmentNotice> notices(List<Appointment> appointments) {
        if (appointments.isEmpty()) {
            return List.of();
        }
        Map<Long, ClientName> clients = names(appointments);
        List<SessionView> views = of(appointments, clients, true);
        Map<Long, java.util.Optional<String>> meetingLinks = new HashMap<>();
        List<AppointmentNotice> notices = new ArrayList<>(appointments.size());
        for (int i = 0; i < appointments.size(); i++) {
            Appointment appointment = appointments.get(i);
            AppointmentNotice notice = notice(appointment, views.get(i), clients);
            if (notice.format() == SessionFormat.ONLINE) {
                String link = meetingLinks.computeIfAbsent(appointment.getTherapistId(), links::forTherapist)
                        .orElse(null);
                notice = new AppointmentNotice(notice.appointmentId(), notice.recipients(), notice.start(),
                        notice.end(), notice.sessionLabel(), notice.format(), notice.roomName(),
                        notice.therapistName(), notice.sequence(), link, null, notice.joint());
            }
            notices.add(notice);
        }
        return notices;
    }

    /** Online sessions carry their video-meeting link into emails, reminders and calendar invitations. */
    private AppointmentNotice withLink(AppointmentNotice notice, long therapistId) {
        if (notice.format() != SessionFormat.ONLINE) {
            return notice;
        }
        return notice.withMeetingLink(links.forTherapist(therapistId).orElse(null));
    }

    /** The online session's link for the client's own page. */
    java.util.Optional<String> meetingLink(SessionView view) {
        return view.format() == SessionFormat.ONLINE ? links.forTherapist(view.therapistId())
                : java.util.Optional.empty();
    }

    /** A session just booked, as shown and as told to its clients, from one set of reads. */
    record Booked(SessionView view, AppointmentNotice notice) {
    }

    /**
     * A session just booked, for clients the policy has just let the caller book: their names are read for those
     * grants (asked quietly for the booking details) without looking the cases up again.
     */
    Booked booked(Appointment appointment, List<CaseGrant> clients) {
        List<CaseGrant> readable = clients.stream()
                .flatMap(grant -> access.alsoFor(grant, CaseOperation.READ_BOOKING_DETAILS).stream()).toList();
        Map<Long, ClientName> names = new HashMap<>(intakes.names(readable));
        clients.forEach(grant -> names.computeIfAbsent(grant.intakeId(), ClientName::withheld));
        return booked(appointment, names);
    }

    /** Nobody can have asked to change a session in the moment it was booked, so that read is skipped. */
    private Booked booked(Appointment appointment, Map<Long, ClientName> clients) {
        SessionView view = of(List.of(appointment), clients, false).getFirst();
        AppointmentNotice notice = notice(appointment, view, clients);
        return new Booked(view, withLink(notice, view.therapistId()));
    }

    private static AppointmentNotice notice(Appointment appointment, SessionView view, Map<Long, ClientName> clients) {
        List<AppointmentNotice.Recipient> recipients = new ArrayList<>();
        for (Long id : new Long[] {appointment.getIntakeId(), appointment.getPartnerIntakeId()}) {
            if (id != null) {
                ClientName client = Objects.requireNonNull(clients.get(id), "looked up for every session");
                if (client.isWithheld()) {
                    continue;
                }
                recipients.add(new AppointmentNotice.Recipient(client.email(), client.callName(), id));
            }
        }
        AppointmentNotice.Occurrence occurrence = appointment.getSeriesId() == null
                || appointment.getOriginalStartsAt() == null ? null : new AppointmentNotice.Occurrence(
                        appointment.getSeriesId(), appointment.getOriginalStartsAt().atZone(Application.PRACTICE_ZONE));
        return new AppointmentNotice(appointment.getId(), recipients, view.start(), view.end(), view.typeLabel(),
                view.format(), view.roomName(), view.therapistName(), appointment.getSequence(), null, occurrence,
                appointment.getPartnerIntakeId() != null);
    }

    /**
     * Clients' names as the policy allows the person asking to read them: a therapist's own sessions, anyone's for a
     * practice manager, the practice's background work. A name withheld shows as "a client".
     */
    private Map<Long, ClientName> names(List<Appointment> appointments) {
        Set<Long> ids = new HashSet<>();
        appointments.forEach(a -> {
            ids.add(a.getIntakeId());
            if (a.getPartnerIntakeId() != null) {
                ids.add(a.getPartnerIntakeId());
            }
        });
        Map<Long, ClientName> names = new HashMap<>(intakes.names(
                access.checkAll(ids, CaseOperation.READ_BOOKING_DETAILS)));
        ids.forEach(id -> names.computeIfAbsent(id, ClientName::withheld));
        return names;
    }
}
