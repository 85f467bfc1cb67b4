package app.thaw.scheduling;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.audit.AuditLog;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.scheduling.domain.RoomRepository;
import app.thaw.security.CurrentUser;

/**
 * What booking (SchedulingService) and changing a booked session (SessionChanges) both work with: the diary's
 * sessions and rooms, how a session is shown, the checks and messages of the diary, the course of care, the audit
 * log, who is signed in, the events the clients are told by, short transactions and the time.
 */
abstract class DiaryWork {

    /** The parts, made once and given to each service that works on the diary. */
    @Component
    record Parts(AppointmentRepository appointments, RoomRepository rooms, SessionViews views,
                 ConflictMessages conflicts, BookingChecks checks, DiaryCare care, AuditLog auditLog,
                 CurrentUser currentUser, ApplicationEventPublisher events, TransactionTemplate transactions,
                 Clock clock) {
    }

    protected final AppointmentRepository appointments;
    protected final RoomRepository rooms;
    protected final SessionViews views;
    protected final ConflictMessages conflicts;
    protected final BookingChecks checks;
    protected final DiaryCare care;
    protected final AuditLog auditLog;
    protected final CurrentUser currentUser;
    protected final ApplicationEventPublisher events;
    protected final TransactionTemplate transactions;
    protected final Clock clock;

    DiaryWork(Parts parts) {
        this.appointments = parts.appointments();
        this.rooms = parts.rooms();
        this.views = parts.views();
        this.conflicts = parts.conflicts();
        this.checks = parts.checks();
        this.care = parts.care();
        this.auditLog = parts.auditLog();
        this.currentUser = parts.currentUser();
        this.events = parts.events();
        this.transactions = parts.transactions();
        this.clock = parts.clock();
    }
}
