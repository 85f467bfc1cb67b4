package app.thaw.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.care.CareErasure;
import app.thaw.outcomes.OutcomeErasure;
import app.thaw.intake.ErasureSubject;
import app.thaw.intake.IntakeErasure;
import app.thaw.notification.OutboxErasure;
import app.thaw.review.CaseErasure;
import app.thaw.review.SessionsToCome;
import app.thaw.scheduling.SchedulingErasure;
import app.thaw.waitlist.WaitlistErasure;

/**
 * The one erasure path, shared by requests and the retention job. It locks the client's intake, refuses a held
 * or already erased client, and opens the immutability triggers for this transaction only while it works.
 */
@Component
class ClientEraser {

    enum Source { REQUEST, RETENTION }

    private final IntakeErasure intakes;
    private final CaseErasure cases;
    private final CareErasure care;
    private final OutcomeErasure outcomes;
    private final SchedulingErasure sessions;
    private final OutboxErasure emails;
    private final WaitlistErasure waitlist;
    private final LegalHolds holds;
    private final SessionsToCome turns;
    private final AuditLog auditLog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClientEraser(IntakeErasure intakes, CaseErasure cases, CareErasure care, OutcomeErasure outcomes,
                 SchedulingErasure sessions, OutboxErasure emails, WaitlistErasure waitlist, LegalHolds holds,
                 SessionsToCome turns, AuditLog auditLog, JdbcTemplate jdbc, Clock clock) {
        this.turns = turns;
        this.care = care;
        this.outcomes = outcomes;
        this.intakes = intakes;
        this.cases = cases;
        this.sessions = sessions;
        this.emails = emails;
        this.waitlist = waitlist;
        this.holds = holds;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ErasureResult erase(CaseGrant grant, String reason, Source source, @Nullable Long staffId) {
        long intakeId = grant.intakeId();
        // the case's turn before its record: a client choosing a time holds the turn, then their place on the list
        turns.hold(List.of(grant));
        ErasureSubject subject = intakes.lock(grant).orElse(null);
        if (subject == null) {
            return new ErasureResult(ErasureResult.Outcome.NOT_FOUND, "There is no client with that reference.");
        }
        if (isErased(intakeId)) {
            return new ErasureResult(ErasureResult.Outcome.ALREADY_ERASED,
                    subject.reference() + " was already erased; nothing more to do.");
        }
        var named = source == Source.REQUEST ? ReasonCheck.namesClient(reason, subject)
                : java.util.Optional.<String>empty();
        if (named.isPresent()) {
            return new ErasureResult(ErasureResult.Outcome.REASON_MISSING, "Please leave " + named.get()
                    + " out of the reason: it is kept after everything else about the client is erased.");
        }
        if (holds.isHeld(intakeId)) {
            return new ErasureResult(ErasureResult.Outcome.REFUSED_LEGAL_HOLD, subject.reference()
                    + " is under a legal hold, so it cannot be erased. Clear the hold first if it no longer applies.");
        }
        // SET LOCAL: the triggers let erasure through in this transaction only, and only until switched off below
        jdbc.queryForObject("select set_config('thaw.erasure', 'on', true)", String.class);
        List<String> earlierAddresses = intakes.earlierEmails(grant);
        intakes.eraseIdentity(grant);
        cases.eraseFreeText(grant);
        care.eraseFreeText(grant);
        outcomes.eraseFreeText(grant);
        List<Long> sessionIds = sessions.eraseFreeText(grant);
        emails.eraseEmailsTo(grant, subject.email(), sessionIds);
        earlierAddresses.forEach(address -> emails.eraseEmailsTo(grant, address, sessionIds));
        waitlist.erase(grant);
        holds.eraseReasons(intakeId);
        // a failure above rolls the whole transaction back, switch included
        jdbc.queryForObject("select set_config('thaw.erasure', 'off', true)", String.class);
        jdbc.update("insert into client_erasure (intake_id, source, reason, erased_by, erased_at) values (?, ?, ?, ?, ?)",
                intakeId, source.name(), reason, staffId, Timestamp.from(clock.instant()));
        auditLog.record(AuditAction.CLIENT_ERASED, intakeId, subject.reference(),
                source == Source.REQUEST ? "On the client's request" : "Retention period ended");
        return new ErasureResult(ErasureResult.Outcome.ERASED, subject.reference()
                + " is erased: names, contact details and everything written about them are gone; "
                + "scores, choices and session counts remain for the practice's statistics.");
    }

    boolean isErased(long intakeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from client_erasure where intake_id = ?)", Boolean.class, intakeId));
    }

    @Nullable Timestamp erasedAt(long intakeId) {
        List<Timestamp> erased = jdbc.queryForList("select erased_at from client_erasure where intake_id = ?",
                Timestamp.class, intakeId);
        return erased.isEmpty() ? null : erased.getFirst();
    }
}
