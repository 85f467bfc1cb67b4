package app.thaw.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.security.Roles;

/**
 * The diary as reminders, confirmations owed since a crash and therapists' calendar feeds see it: times, places and
 * initials only.
 */
@Component
@Transactional(readOnly = true)
class DiaryNotices implements UpcomingSessions, TherapistSessions, SessionNotices {

    private final AppointmentRepository appointments;
    private final SessionViews views;

    DiaryNotices(AppointmentRepository appointments, SessionViews views) {
        this.appointments = appointments;
        this.views = views;
    }

    @Override
    @RolesAllowed(Roles.SYSTEM)
    public List<AppointmentNotice> startingBetween(Instant from, Instant to) {
        return views.notices(appointments.findBookedStartingBetween(from, to));
    }

    @Override
    @RolesAllowed(Roles.SYSTEM)
    @ActsOnCase(CaseOperation.READ_BOOKING_DETAILS)
    public List<AppointmentNotice> booked(java.util.Collection<Long> appointmentIds) {
        return views.notices(appointments.findAllById(appointmentIds).stream()
                .filter(a -> a.getState() == AppointmentState.BOOKED).toList());
    }

    @Override
    @RolesAllowed(Roles.SYSTEM)
    public List<Session> upcoming(long therapistId, Instant from, Instant to) {
        List<Appointment> booked = appointments.findBookedStartingBetween(from, to).stream()
                .filter(a -> a.getTherapistId() == therapistId).toList();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < booked.size(); i++) {
            Appointment a = booked.get(i);
            SessionView view = views.of(a);
            List<String> initials = new ArrayList<>();
            initials.add(initials(view.clientName()));
            if (view.partnerName() != null) {
                initials.add(initials(view.partnerName()));
            }
            sessions.add(new Session(a.getId(), a.getStartsAt(), a.getEndsAt(), view.typeLabel(), a.getFormat(),
                    view.roomName(), initials, a.getSequence()));
        }
        return sessions;
    }

    static String initials(String name) {
        return Arrays.stream(name.strip().split("\\s+")).filter(part -> !part.isEmpty())
                .map(part -> part.substring(0, 1).toUpperCase(Locale.UK)).reduce("", String::concat);
    }
}
