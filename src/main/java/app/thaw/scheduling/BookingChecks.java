package app.thaw.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.GateRefusal;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.StaffUser;

/**
 * What every path to a booking or a change of a session checks first: the case-access policy for each client, that a
 * partner really is the partner, the safety gates, and that a therapist acts in their own diary only.
 */
@Component
class BookingChecks {

    /** A session someone may not change answers exactly as a session that does not exist. */
    static final String NO_SUCH_SESSION = "That session no longer exists.";

    private static final int DEADLOCK_ATTEMPTS = 5;

    /** A manager's reason for booking outside hours or in time away: it goes into the audit line. */
    static final int OVERRIDE_REASON_MAX = 300;

    private final CaseAccess access;
    private final AppointmentRepository appointments;
    private final CurrentUser currentUser;
    private final Availability availability;

    BookingChecks(CaseAccess access, AppointmentRepository appointments, CurrentUser currentUser,
                  Availability availability) {
        this.access = access;
        this.appointments = appointments;
        this.currentUser = currentUser;
        this.availability = availability;
    }

    /**
     * Whether the therapist can see a client then: {@code refusal} when not (closed, away, outside hours), unless a
     * practice manager gave a reason to book anyway, which {@code overridden} then records for the audit line.
     */
    record Hours(@Nullable BookingResult refusal, @Nullable String overridden) {
    }

    Hours hours(long therapistId, Instant from, Instant to, @Nullable String overrideReason) {
        Optional<String> problem = availability.problem(therapistId, from, to);
        if (problem.isEmpty()) {
            return new Hours(null, null);
        }
        boolean manager = currentUser.require().isAdmin();
        String reason = overrideReason == null ? "" : overrideReason.strip();
        if (!manager || reason.isEmpty()) {
            return new Hours(new BookingResult.Unavailable(problem.get(), manager), null);
        }
        if (reason.length() > OVERRIDE_REASON_MAX || !StorableText.isStorable(reason)) {
            return new Hours(new BookingResult.Invalid("Give the reason for booking anyway in up to "
                    + OVERRIDE_REASON_MAX + " characters."), null);
        }
        return new Hours(null, problem.get() + " Booked anyway by the practice manager: " + reason);
    }

    /** The clients of a booking request, as the policy allows the person booking to book them. */
    sealed interface Clients {
        record Allowed(List<CaseGrant> grants) implements Clients {
            CaseGrant client() {
                return grants.getFirst();
            }
        }

        record Refused(BookingResult result) implements Clients {
        }
    }

    Clients clients(BookingRequest request) {
        Optional<CaseGrant> client = access.check(request.intakeId(), CaseOperation.BOOK_SESSION);
        if (client.isEmpty()) {
            return new Clients.Refused(new BookingResult.Invalid(CaseNotFound.MESSAGE));
        }
        List<CaseGrant> grants = new ArrayList<>(List.of(client.get()));
        if (request.partnerIntakeId() != null) {
            // only the partner of this couple's case can share a joint session, never any other client
            if (!client.get().facts().partnerIntakeIds().contains(request.partnerIntakeId())) {
                return new Clients.Refused(new BookingResult.Invalid("That client is not the partner in this case."));
            }
            Optional<CaseGrant> partner = access.check(request.partnerIntakeId(), CaseOperation.BOOK_SESSION);
            if (partner.isEmpty()) {
                return new Clients.Refused(new BookingResult.Invalid(CaseNotFound.MESSAGE));
            }
            grants.add(partner.get());
        }
        Optional<GateRefusal> gate = access.bookingGate(grants, request.partnerIntakeId() != null);
        if (gate.isPresent()) {
            return new Clients.Refused(new BookingResult.Blocked(gate.get()));
        }
        return new Clients.Allowed(grants);
    }

    /** Runs the gates again inside the booking's transaction: a check made before could be stale by now. */
    void requireBookable(List<CaseGrant> grants) {
        access.requireBookable(grants, grants.size() > 1);
    }

    /**
     * A session the person may change (their own diary, or any for a manager) with its case's grant; otherwise the
     * reason, the same for a session that does not exist and one whose case the person may not see.
     */
    Changeable changeable(long appointmentId) {
        return changeable(appointments.findById(appointmentId));
    }

    /**
     * As {@link #changeable}, inside the change's transaction with the session's row locked: what the change decides
     * on (booked, the version the person saw) stays so until it commits, and a rival change waits for it.
     */
    Changeable lockedForChange(long appointmentId) {
        return changeable(appointments.findForChange(appointmentId));
    }

    private Changeable changeable(Optional<Appointment> found) {
        Appointment appointment = found.orElseThrow(() -> new IllegalArgumentException(NO_SUCH_SESSION));
        CaseGrant grant = access.check(appointment.getIntakeId(), CaseOperation.CHANGE_SESSION)
                .orElseThrow(() -> new IllegalArgumentException(NO_SUCH_SESSION));
        if (!mayManage(appointment.getTherapistId())) {
            throw new IllegalArgumentException("That session is in another therapist's diary: they or the practice "
                    + "manager can change it.");
        }
        return new Changeable(appointment, grant);
    }

    record Changeable(Appointment appointment, CaseGrant grant) {
    }

    boolean mayManage(long therapistId) {
        StaffUser me = currentUser.require();
        return me.isAdmin() || me.id() == therapistId;
    }

    /**
     * Racing inserts into the same time range can deadlock while PostgreSQL checks the exclusion constraint;
     * it aborts one of them. Trying again then meets the winner's row and ends as an ordinary conflict.
     */
    static <T> T retryingDeadlocks(Supplier<T> booking) {
        for (int attempt = 1; ; attempt++) {
            try {
                return booking.get();
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }
}
