package app.thaw.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.database.InstanceLock;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;

/**
 * The retention policy (kept in the database, edited by the practice manager) and the run that applies it:
 * everything due is anonymised through the same path as an erasure request, held clients are skipped.
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);
    /** One retention run at a time across every app instance sharing the database. */
    private static final long RUN_LOCK = 0x7468_6177_5245_544EL;
    static final String RETENTION_REASON = "Retention period ended";

    private final RetentionBatches batches;
    private final InstanceLock runLock;
    private final AuditLog auditLog;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RetentionService(RetentionBatches batches, DataSource dataSource, AuditLog auditLog, StaffAccountService staff,
                     CurrentUser currentUser, JdbcTemplate jdbc, Clock clock) {
        this.batches = batches;
        this.runLock = new InstanceLock(dataSource, RUN_LOCK, "retention run");
        this.auditLog = auditLog;
        this.staff = staff;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public RetentionSettings settings() {
        var names = staff.displayNames();
        return jdbc.queryForObject("select * from practice_settings where id = 1", (rs, row) -> {
            Timestamp updated = rs.getTimestamp("updated_at");
            long by = rs.getLong("updated_by");
            boolean nobody = rs.wasNull();
            return new RetentionSettings(new RetentionPolicy(rs.getInt("clinical_retention_years"),
                    rs.getInt("non_client_retention_months")), updated == null ? null : updated.toInstant(),
                    nobody ? null : names.getOrDefault(by, "Former staff member"), rs.getLong("version"));
        });
    }

    /** How long records are kept, as the privacy notice tells anyone before they send a form. */
    @Transactional(readOnly = true)
    @PermitAll
    public RetentionPolicy policy() {
        return Objects.requireNonNull(jdbc.queryForObject("select clinical_retention_years, non_client_retention_months "
                + "from practice_settings where id = 1", (rs, row) -> new RetentionPolicy(rs.getInt(1), rs.getInt(2))));
    }

    /**
     * Saves both values or neither; the check says, per field, what is wrong. Refused ({@link ChangedMeanwhile})
     * when someone saved since the page showed the settings at {@code version}.
     */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public SettingsCheck updatePolicy(Integer clinicalYears, Integer nonClientMonths, long version) {
        var check = new SettingsCheck(RetentionPolicy.yearsProblem(clinicalYears),
                RetentionPolicy.monthsProblem(nonClientMonths));
        if (!check.saved()) {
            return check;
        }
        RetentionSettings before = settings();
        int updated = jdbc.update("""
                update practice_settings set clinical_retention_years = ?, non_client_retention_months = ?,
                       updated_at = ?, updated_by = ?, version = version + 1 where id = 1 and version = ?""",
                clinicalYears, nonClientMonths, Timestamp.from(clock.instant()), currentUser.require().id(), version);
        if (updated == 0) {
            throw new ChangedMeanwhile(settings().updatedAt());
        }
        auditLog.record(AuditAction.SETTINGS_CHANGED, null, null, "Retention: clinical records "
                + before.policy().clinicalYears() + " → " + clinicalYears + " years after closure; intakes of "
                + "non-clients " + before.policy().nonClientMonths() + " → " + nonClientMonths + " months");
        return check;
    }

    /** The latest runs, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public List<RetentionRun> recentRuns(int limit) {
        return jdbc.query("select * from retention_run order by ran_at desc, id desc limit ?",
                (rs, row) -> new RetentionRun(rs.getTimestamp("ran_at").toInstant(),
                        new RetentionPolicy(rs.getInt("clinical_years"), rs.getInt("non_client_months")),
                        rs.getInt("anonymised"), rs.getInt("skipped_for_hold"), true), Math.clamp(limit, 1, 100));
    }

    /**
     * Anonymises every client due at {@code now}, a batch at a time ({@link RetentionBatches}). An advisory lock
     * lets one instance run at a time: a second starting meanwhile does nothing; candidates locked by a concurrent
     * erasure request are skipped and picked up next time.
     */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN})
    public RetentionRun runRetention(Instant now) {
        RetentionPolicy policy = settings().policy();
        return runLock.tryRun(() -> {
            int anonymised = 0;
            int held = 0;
            try {
                long after = 0;
                RetentionBatches.Batch batch;
                do {
                    batch = batches.next(now, policy, after, RetentionBatches.SIZE);
                    anonymised += batch.anonymised();
                    held += batch.held();
                    after = batch.lastId();
                } while (!batch.last());
            } finally {
                batches.record(now, policy, anonymised, held);
            }
            log.info("Retention run: anonymised {} clients, skipped {} under legal hold", anonymised, held);
            return new RetentionRun(now, policy, anonymised, held, true);
        }).orElseGet(() -> {
            log.info("Retention run skipped: another instance is running it");
            return new RetentionRun(now, policy, 0, 0, false);
        });
    }
}
