package app.thaw.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.thaw.Application;
import app.thaw.intake.ClientContact;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRequestRepository;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/** Turns appointments into what screens and notices show, looking up names once per batch. */
@Component
class SessionViews {

    private final SubmittedIntakes intakes;
    private final StaffAccountService staff;
    private final RoomRepository rooms;
    private final AppointmentTypeRepository types;
    private final AppointmentRequestRepository requests;

    SessionViews(SubmittedIntakes intakes, StaffAccountService staff, RoomRepository rooms,
                 AppointmentTypeRepository types, AppointmentRequestRepository requests) {
        this.intakes = intakes;
        this.staff = staff;
        this.rooms = rooms;
        this.types = types;
        this.requests = requests;
    }

    List<SessionView> of(List<Appointment> appointments) {
        Map<Long, String> therapists = SystemActor.call(staff::displayNames);
        Map<Long, String> roomNames = new HashMap<>();
        rooms.findAll().forEach(room -> roomNames.put(room.getId(), room.getName()));
        Map<Long, String> typeLabels = new HashMap<>();
        types.findAll().forEach(type -> typeLabels.put(type.getId(), type.getLabel()));
        Map<Long, ClientContact> contacts = contacts(appointments);
        Set<Long> requested = appointments.isEmpty() ? Set.of()
                : requests.findOpenRequestAppointmentIds(appointments.stream().map(Appointment::getId).toList());
        List<SessionView> views = new ArrayList<>();
        for (Appointment a : appointments) {
            ClientContact client = contacts.get(a.getIntakeId());
            ClientContact partner = a.getPartnerIntakeId() == null ? null : contacts.get(a.getPartnerIntakeId());
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
        SessionView view = of(appointment);
        Map<Long, ClientContact> contacts = contacts(List.of(appointment));
        List<AppointmentNotice.Recipient> recipients = new ArrayList<>();
        for (Long id : new Long[] {appointment.getIntakeId(), appointment.getPartnerIntakeId()}) {
            if (id != null) {
                ClientContact contact = contacts.get(id);
                recipients.add(new AppointmentNotice.Recipient(contact.email(), contact.callName()));
            }
        }
        return new AppointmentNotice(appointment.getId(), recipients, view.start(), view.end(), view.typeLabel(),
                view.format(), view.roomName(), view.therapistName(), appointment.getSequence());
    }

    private Map<Long, ClientContact> contacts(List<Appointment> appointments) {
        Set<Long> ids = new HashSet<>();
        appointments.forEach(a -> {
            ids.add(a.getIntakeId());
            if (a.getPartnerIntakeId() != null) {
                ids.add(a.getPartnerIntakeId());
            }
        });
        Map<Long, ClientContact> contacts = new HashMap<>();
        ids.forEach(id -> SystemActor.call(() -> intakes.contact(id)).ifPresent(c -> contacts.put(id, c)));
        return contacts;
    }
}
