package app.thaw.care;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.care.domain.CareEventRecord;
import app.thaw.care.domain.CareEventRepository;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * A case's course of care: the features that act on a case record what happened here, with the grant the policy gave
 * them, and the case's status follows (audited, and told to listeners such as outcome measures). Nothing here takes a
 * bare identifier, so it cannot be reached around the policy.
 */
@Service
public class CareRecords {

    /** Any grant of a path that changes or books a case may record what it did; reading a case records a review. */
    private static final Set<CaseOperation> RECORDING = EnumSet.of(CaseOperation.READ_CLINICAL,
            CaseOperation.CHANGE_CLINICAL, CaseOperation.BOOK_SESSION, CaseOperation.CHANGE_SESSION,
            CaseOperation.ASSIGN, CaseOperation.READ_BOOKING_DETAILS);

    private static final String INSERT = """
            insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, appointment_id, treatment,
                                    outcome, referral_kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String HISTORY = """
            select kind, occurred_at, appointment_id, treatment, outcome, referral_kind from care_event
             where intake_id = ? order by id""";

    private final CareEventRepository events;
    private final SubmittedIntakes intakes;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    CareRecords(CareEventRepository events, SubmittedIntakes intakes, AuditLog auditLog, CurrentUser currentUser,
                ApplicationEventPublisher publisher, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.events = events;
        this.intakes = intakes;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Records what happened and brings the case's status up to date, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public CaseStage record(CaseGrant grant, CareEvent event) {
        return record(grant, List.of(event));
    }

    /** Several things that happened at once (a form arriving for a couple), the status following all of them. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public CaseStage record(CaseGrant grant, List<CareEvent> happened) {
        if (!RECORDING.contains(grant.operation())) {
            throw new IllegalArgumentException("A grant for " + grant.operation() + " records nothing");
        }
        // append-only rows, read and written as rows (ADR 12): no entities to hydrate and dirty-check per booking
        Long actor = currentUser.get().map(StaffUser::id).orElse(null);
        Timestamp recordedAt = Timestamp.from(clock.instant());
        ParameterizedPreparedStatementSetter<CareEvent> values = (ps, event) -> {
            ps.setLong(1, grant.intakeId());
            ps.setString(2, event.kind().name());
            ps.setTimestamp(3, Timestamp.from(event.occurredAt()));
            ps.setTimestamp(4, recordedAt);
            ps.setObject(5, actor, Types.BIGINT);
            ps.setObject(6, event.appointmentId(), Types.BIGINT);
            ps.setObject(7, event.kind().isSession() ? event.treatment() : null, Types.BOOLEAN);
            ps.setString(8, event.outcome() == null ? null : event.outcome().name());
            ps.setString(9, event.referralKind());
        };
        List<CareEvent> history;
        if (happened.size() == 1) {
            // one event (every booking): written and the history before it read in one statement, whose snapshot
            // does not yet hold the new row
            history = new ArrayList<>(jdbc.query("with added as (" + INSERT + ") " + HISTORY, ps -> {
                values.setValues(ps, happened.getFirst());
                ps.setLong(10, grant.intakeId());
            }, CareRecords::event));
        } else {
            history = new ArrayList<>(jdbc.query(HISTORY, CareRecords::event, grant.intakeId()));
            jdbc.batchUpdate(INSERT, happened, Math.max(1, happened.size()), values);
        }
        CaseStage before = CaseLifecycle.fold(history);
        history.addAll(happened);
        CaseStage after = CaseLifecycle.fold(history);
        IntakeStatus shown = intakes.projectStatus(grant, after.status());
        if (shown != after.status()) {
            // the same words as every status line before (SubjectAccessAssembler reads them back)
            auditLog.record(AuditAction.STATUS_CHANGED, grant.intakeId(), grant.reference(),
                    shown.name() + " → " + after.status().name());
            publisher.publishEvent(new CaseStatusChanged(grant.intakeId(), grant.reference(), shown, after.status()));
        }
        CourseOfCare was = before.course();
        CourseOfCare now = after.course();
        if (was.started() == null && now.started() != null) {
            publisher.publishEvent(new TherapyStarted(grant.intakeId(), grant.reference(), now.started()));
        }
        if (was.ended() == null && now.ended() != null) {
            publisher.publishEvent(new TherapyEnded(grant.intakeId(), grant.reference(), now.ended(),
                    Objects.requireNonNull(now.outcome(), "an ended course has its outcome"), now.finishedTreatment()));
        }
        return after;
    }

    private static CareEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CareEvent(CareEventKind.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                rs.getObject(3, Long.class), rs.getBoolean(4),
                rs.getString(5) == null ? null : TherapyOutcome.valueOf(rs.getString(5)), rs.getString(6));
    }

    /** Where the case stands now, from its events: what the case view and the client's page show. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public CaseStage stage(CaseGrant grant) {
        return CaseLifecycle.fold(events(grant));
    }

    /** The case's events, oldest first: the timeline the case history shows and later features build on. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public List<CareEvent> events(CaseGrant grant) {
        return events.findByIntakeIdOrderByIdAsc(grant.intakeId()).stream().map(CareEventRecord::event).toList();
    }

    /** Where several cases stand, from their events in one read (the day's measure links look at thousands). */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public java.util.Map<Long, CaseStage> stages(java.util.Collection<CaseGrant> grants) {
        var history = new java.util.HashMap<Long, List<CareEvent>>();
        if (!grants.isEmpty()) {
            for (CareEventRecord record : events.findByIntakeIdInOrderByIdAsc(grants.stream()
                    .map(CaseGrant::intakeId).toList())) {
                history.computeIfAbsent(record.getIntakeId(), id -> new ArrayList<>()).add(record.event());
            }
        }
        var stages = new java.util.HashMap<Long, CaseStage>();
        grants.forEach(g -> stages.put(g.intakeId(), CaseLifecycle.fold(history.getOrDefault(g.intakeId(),
                List.of()))));
        return stages;
    }

    /** The latest referral decision's kind per case (cases never referred are left out): outcome measures follow it. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public java.util.Map<Long, String> referralKinds(java.util.Collection<CaseGrant> grants) {
        var kinds = new java.util.HashMap<Long, String>();
        if (grants.isEmpty()) {
            return kinds;
        }
        for (CareEventRecord record : events.findByIntakeIdInOrderByIdAsc(grants.stream().map(CaseGrant::intakeId)
                .toList())) {
            CareEvent event = record.event();
            if (event.kind() == CareEventKind.REFERRED) {
                kinds.put(record.getIntakeId(), event.referralKind());
            }
        }
        return kinds;
    }
}
