package app.thaw.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.web.ClientAddress;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.NotACasePath;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;
import app.thaw.security.SystemActor;

/** Writes and reads the append-only audit log. Written by every feature; read by therapists (their case) and admins. */
@Service
public class AuditLog {

    private static final int DETAIL_MAX = 500;

    /**
     * A bound on {@code occurred_at} from the case's own start (its intake's submission, which never changes; a day
     * early in case a line's clock read came first), taking the intake id: PostgreSQL then opens only the months
     * since the case began (ADR 20). Every line about a case is written after its intake exists.
     */
    static final String SINCE_THE_CASE_BEGAN = "coalesce((select submitted_at from intake where id = ?), "
            + "'-infinity'::timestamptz) - interval '1 day'";

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Recorded in the caller's transaction: the change and its audit line commit or fail together. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.CLINICAL_LEAD, Roles.SYSTEM, Roles.API_CLIENT})
    @NotACasePath("writes one audit line; reveals and changes nothing of the case")
    public void record(AuditAction action, @Nullable Long intakeId, @Nullable String caseReference,
                       @Nullable String detail) {
        insert(action, intakeId, caseReference, detail);
    }

    /** The same line for each client of one change (both partners of a joint session), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    @NotACasePath("writes one audit line per client already granted; reveals and changes nothing of the case")
    public void recordAll(AuditAction action, java.util.List<app.thaw.caseaccess.CaseGrant> clients,
                          @Nullable String detail) {
        if (clients.isEmpty()) {
            return;
        }
        if (clients.size() == 1) {
            insert(action, clients.getFirst().intakeId(), clients.getFirst().reference(), detail);
            return;
        }
        StaffUser staff = currentUser.get().orElse(null);
        var sql = new StringBuilder("insert into audit_entry (occurred_at, actor_id, actor_name, action, intake_id, "
                + "case_reference, detail, client_address) values ");
        var args = new java.util.ArrayList<@Nullable Object>();
        Timestamp now = Timestamp.from(clock.instant());
        for (var client : clients) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            args.addAll(java.util.Arrays.asList(now, staff == null ? null : staff.id(),
                    staff == null ? unnamedActor() : staff.displayName(), action.name(), client.intakeId(),
                    client.reference(), detail == null ? null : truncate(detail, DETAIL_MAX), address()));
        }
        jdbc.update(sql.toString(), args.toArray());
    }

    /** Recorded on its own, so it stays even when the caller's work is refused and rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM, Roles.API_CLIENT})
    @NotACasePath("writes one audit line; reveals and changes nothing of the case")
    public void recordAttempt(AuditAction action, @Nullable Long intakeId, @Nullable String caseReference,
                              @Nullable String detail) {
        insert(action, intakeId, caseReference, detail);
    }

    /**
     * A refused attempt on a case, named by whoever made it (a staff member, the system or someone not signed in),
     * kept even though the attempt itself changes nothing.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @jakarta.annotation.security.PermitAll
    @NotACasePath("writes one audit line; reveals and changes nothing of the case")
    public void recordDeniedAccess(AuditAction action, @Nullable Long intakeId, @Nullable String caseReference,
                                   @Nullable String detail) {
        insert(action, intakeId, caseReference, detail);
    }

    /** Whether the current staff member already has this action on this case within the window. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    @NotACasePath("asks whether the current staff member did this recently; reveals nothing of the case")
    public boolean recordedRecently(AuditAction action, long intakeId, java.time.Duration window) {
        StaffUser staff = currentUser.get().orElse(null);
        if (staff == null) {
            return false;
        }
        Boolean recent = jdbc.queryForObject("""
                select exists (select 1 from audit_entry where actor_id = ? and intake_id = ? and action = ?
                                  and occurred_at > ?)""", Boolean.class, staff.id(), intakeId, action.name(),
                Timestamp.from(clock.instant().minus(window)));
        return Boolean.TRUE.equals(recent);
    }

    /** Sign-in attempts come before anyone is signed in, so they name the account themselves. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @jakarta.annotation.security.PermitAll
    public void recordSignIn(boolean succeeded, @Nullable Long staffId, String actorName) {
        jdbc.update("insert into audit_entry (occurred_at, actor_id, actor_name, action, client_address) "
                        + "values (?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), staffId, truncate(actorName, 120),
                (succeeded ? AuditAction.SIGN_IN : AuditAction.SIGN_IN_FAILED).name(), address());
    }

    /** A staff member acting on their own account without being signed in (choosing a password with a link). */
    @Transactional(propagation = Propagation.MANDATORY)
    @jakarta.annotation.security.PermitAll
    public void recordBy(AuditAction action, long staffId, String actorName, String detail) {
        jdbc.update("insert into audit_entry (occurred_at, actor_id, actor_name, action, detail, client_address) "
                        + "values (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), staffId, truncate(actorName, 120),
                action.name(), truncate(detail, DETAIL_MAX), address());
    }

    /** Steps of a sign-in after the password (second factor): the staff member is known but not yet signed in. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @jakarta.annotation.security.PermitAll
    public void recordSignInStep(AuditAction action, long staffId, String actorName, @Nullable String detail) {
        jdbc.update("insert into audit_entry (occurred_at, actor_id, actor_name, action, detail, client_address) "
                        + "values (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), staffId, truncate(actorName, 120),
                action.name(), detail == null ? null : truncate(detail, DETAIL_MAX), address());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @jakarta.annotation.security.PermitAll
    public void recordSignOut(long staffId, String actorName, @Nullable String how) {
        jdbc.update("insert into audit_entry (occurred_at, actor_id, actor_name, action, detail, client_address) "
                        + "values (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), staffId, truncate(actorName, 120),
                AuditAction.SIGN_OUT.name(), how == null ? null : truncate(how, DETAIL_MAX), address());
    }

    /** The non-read history of one case, oldest first, for its timeline. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public List<AuditEntry> caseHistory(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.READ_CLINICAL).intakeId();
        return jdbc.query("""
                select * from audit_entry where intake_id = ?
                   and action not in ('CASE_OPENED', 'LETTER_DOWNLOADED', 'CASE_ACCESS_DENIED')
                   and occurred_at >= """ + SINCE_THE_CASE_BEGAN + """
                 order by occurred_at, id""", (rs, row) -> AuditRows.entry(rs), intakeId, intakeId);
    }

    /** Every entry about one case, newest first: who looked, who changed what. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST, Roles.SYSTEM})
    public List<AuditEntry> entriesForCase(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE).intakeId();
        return jdbc.query("select * from audit_entry where intake_id = ? and occurred_at >= " + SINCE_THE_CASE_BEGAN
                + " order by occurred_at desc, id desc", (rs, row) -> AuditRows.entry(rs), intakeId, intakeId);
    }

    /** What the audit viewer opens on: the last few months up to today (London days), not the whole log. */
    @RolesAllowed(Roles.ADMIN)
    @NotACasePath("the audit viewer's opening date range; reveals nothing of any case")
    public AuditFilter openingFilter() {
        return AuditFilter.recent(java.time.LocalDate.now(clock.withZone(app.thaw.Application.PRACTICE_ZONE)));
    }

    /**
     * One page of the log, newest first, after the entry with id {@code beforeId} (null for the first page):
     * a keyset on the identity, so page 500 costs what page 1 does. The filter's dates become bounds on
     * {@code occurred_at} given as parameters, so even a prepared statement's generic plan opens only the months in
     * range ("Subplans Removed", ADR 20).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    @NotACasePath("the practice manager's audit viewer: who did what and when to which reference, never clinical "
            + "content")
    public List<AuditEntry> search(AuditFilter filter, @Nullable Long beforeId, int limit) {
        var sql = new StringBuilder("select * from audit_entry where true");
        var args = new java.util.ArrayList<Object>();
        if (filter.actorId() != null) {
            sql.append(" and actor_id = ?");
            args.add(filter.actorId());
        }
        if (filter.caseReference() != null && !filter.caseReference().isBlank()) {
            sql.append(" and case_reference = ?");
            args.add(filter.caseReference().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            args.add(filter.action().name());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(app.thaw.Application.PRACTICE_ZONE).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(app.thaw.Application.PRACTICE_ZONE)
                    .toInstant()));
        }
        if (beforeId != null) {
            sql.append(" and id < ?");
            args.add(beforeId);
        }
        sql.append(" order by id desc limit ?");
        args.add(Math.clamp(limit, 1, 1000));
        return jdbc.query(sql.toString(), (rs, row) -> AuditRows.entry(rs), args.toArray());
    }

    private void insert(AuditAction action, @Nullable Long intakeId, @Nullable String caseReference,
                        @Nullable String detail) {
        StaffUser staff = currentUser.get().orElse(null);
        jdbc.update("""
                insert into audit_entry (occurred_at, actor_id, actor_name, action, intake_id, case_reference, detail,
                                         client_address)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()), staff == null ? null : staff.id(),
                staff == null ? unnamedActor() : staff.displayName(), action.name(), intakeId, caseReference,
                detail == null ? null : truncate(detail, DETAIL_MAX), address());
    }

    /** The requester's address as the edge decided it; none for jobs and background work. */
    private static @Nullable String address() {
        return ClientAddress.current().map(address -> truncate(address, 45)).orElse(null);
    }

    /**
     * Background work runs as the system; another system reading through the FHIR API is named by its client; anything
     * else without a staff member is someone not signed in.
     */
    private static String unnamedActor() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.API_CLIENT).equals(a.getAuthority()))) {
            return truncate(authentication.getName(), 120);
        }
        boolean system = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.SYSTEM).equals(a.getAuthority()));
        return system ? SystemActor.NAME : NOT_SIGNED_IN;
    }

    /** How the log names a caller who was not signed in (a client's page, a forged request). */
    public static final String NOT_SIGNED_IN = "not signed in";

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
