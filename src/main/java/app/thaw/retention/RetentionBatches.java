package app.thaw.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;

/**
 * A retention run's work in short transactions of a few hundred clients each: a run that finds a million records
 * due never holds their locks, or the queue's rows, for longer than one batch, and a failure keeps what was done.
 */
@Component
class RetentionBatches {

    /** Clients per transaction: long enough to amortise the commit, short enough that a lock is held for < 1 s. */
    static final int SIZE = 200;

    record Batch(int anonymised, int held, long lastId, boolean last) {
    }

    private final RetentionCandidates candidates;
    private final ClientEraser eraser;
    private final CaseAccess access;
    private final AuditLog auditLog;
    private final JdbcTemplate jdbc;

    RetentionBatches(RetentionCandidates candidates, ClientEraser eraser, CaseAccess access, AuditLog auditLog,
                     JdbcTemplate jdbc) {
        this.candidates = candidates;
        this.eraser = eraser;
        this.access = access;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
    }

    /** Anonymises the next batch of due clients after {@code afterId}; held clients are counted, not touched. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Batch next(Instant now, RetentionPolicy policy, long afterId, int size) {
        List<RetentionCandidates.Due> due = candidates.dueAt(now, policy, afterId, size);
        int held = (int) due.stream().filter(RetentionCandidates.Due::held).count();
        List<Long> toErase = due.stream().filter(d -> !d.held()).map(RetentionCandidates.Due::intakeId).toList();
        int anonymised = 0;
        for (CaseGrant grant : access.checkAll(toErase, CaseOperation.ERASE)) {
            if (eraser.erase(grant, RetentionService.RETENTION_REASON, ClientEraser.Source.RETENTION, null).erased()) {
                anonymised++;
            }
        }
        long lastId = due.isEmpty() ? afterId : due.getLast().intakeId();
        return new Batch(anonymised, held, lastId, due.size() < size);
    }

    /** The run's record, whatever it managed: the practice manager's list of runs and the audit log. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(Instant now, RetentionPolicy policy, int anonymised, int held) {
        jdbc.update("""
                insert into retention_run (ran_at, clinical_years, non_client_months, anonymised, skipped_for_hold)
                values (?, ?, ?, ?, ?)""", Timestamp.from(now), policy.clinicalYears(), policy.nonClientMonths(),
                anonymised, held);
        auditLog.record(AuditAction.RETENTION_RUN, null, null, "Anonymised " + anonymised
                + ", skipped " + held + " under legal hold (" + policy.clinicalYears() + " years after closure, "
                + policy.nonClientMonths() + " months for non-clients)");
    }
}
