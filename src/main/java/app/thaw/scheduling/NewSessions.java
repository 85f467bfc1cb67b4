package app.thaw.scheduling;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.scheduling.domain.Appointment;

/**
 * What a newly booked session sets off, whichever way it was booked: the confirmation to the clients (rendered after
 * commit), the case's care record, and the audit line on each client's case.
 */
@Component
class NewSessions {

    private final SessionViews views;
    private final DiaryCare care;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    NewSessions(SessionViews views, DiaryCare care, AuditLog auditLog, ApplicationEventPublisher events) {
        this.views = views;
        this.care = care;
        this.auditLog = auditLog;
        this.events = events;
    }

    /**
     * Records the session just saved for {@code clients}; {@code chosenBy}: the client who chose it from an offer;
     * {@code detail} words the audit line from the view.
     */
    SessionViews.Booked booked(Appointment appointment, List<CaseGrant> clients, boolean partOfSeries,
                               @Nullable Long chosenBy, Function<SessionViews.Booked, String> detail) {
        SessionViews.Booked booked = views.booked(appointment, clients);
        events.publishEvent(new AppointmentBooked(booked.notice(), partOfSeries, chosenBy));
        care.booked(clients, appointment);
        auditLog.recordAll(AuditAction.SESSION_BOOKED, clients, detail.apply(booked));
        return booked;
    }
}
