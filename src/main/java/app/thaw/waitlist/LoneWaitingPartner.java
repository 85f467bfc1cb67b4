package app.thaw.waitlist;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.ids.StaffId;
import app.thaw.base.web.PublicUrl;
import app.thaw.care.CareEvent;
import app.thaw.care.CareEventKind;
import app.thaw.care.CareRecords;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.IntakeStatus;
import app.thaw.notification.StaffAlerts;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseLinks;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.WaitlistRows;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * A couple waits in one place. When the place ends without a session for both (one partner's case closed, reopened or
 * erased, or a session booked for one alone), a partner whose case still says waiting would wait for nothing: their
 * case leaves the waiting list too, back to its referral for a new decision, and their therapist (or, with none, the
 * practice managers and clinical leads) is asked to open it. Settled just before the commit, when a session booked for
 * both partners has been recorded for both and so leaves neither waiting.
 */
@Component
class LoneWaitingPartner {

    // a client's own copy of their records shows this line: it says nothing of why the partner's case changed
    static final String AUDIT_DETAIL = "The couple's place on the waiting list ended without a session for this "
            + "client: decide the next step";

    /** A couple's place left the list, for whatever reason; an erased partner is nobody's to contact. */
    record CouplePlaceLeft(long entryId, long intakeId, long partnerIntakeId, @Nullable Long erased) {
    }

    private final ApplicationEventPublisher publisher;
    private final WaitlistStore store;
    private final CaseAccess access;
    private final CareRecords records;
    private final AuditLog auditLog;
    private final CaseAssignments assignments;
    private final StaffAccountService staff;
    private final StaffAlerts alerts;
    private final PublicUrl publicUrl;
    private final Clock clock;

    LoneWaitingPartner(ApplicationEventPublisher publisher, WaitlistStore store, CaseAccess access,
                       CareRecords records, AuditLog auditLog, CaseAssignments assignments, StaffAccountService staff,
                       StaffAlerts alerts, PublicUrl publicUrl, Clock clock) {
        this.publisher = publisher;
        this.store = store;
        this.access = access;
        this.records = records;
        this.auditLog = auditLog;
        this.assignments = assignments;
        this.staff = staff;
        this.alerts = alerts;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Called in the transaction that took the entry off the list. */
    void placeLeft(WaitlistRows.Entry entry, @Nullable Long erased) {
        Long partner = entry.partnerIntakeId();
        if (partner != null) {
            publisher.publishEvent(new CouplePlaceLeft(entry.id(), entry.intakeId(), partner, erased));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void settle(CouplePlaceLeft left) {
        SystemActor.run(() -> {
            for (long intakeId : new long[] {left.intakeId(), left.partnerIntakeId()}) {
                if (left.erased() == null || left.erased() != intakeId) {
                    settle(intakeId, left.entryId());
                }
            }
        });
    }

    private void settle(long intakeId, long entryId) {
        CaseGrant grant = access.check(intakeId, CaseOperation.READ_BOOKING_DETAILS).orElse(null);
        if (grant == null || grant.facts().closed() || records.stage(grant).status() != IntakeStatus.WAITING
                || store.entryOf(intakeId).filter(WaitlistRows.Entry::waiting).isPresent()) {
            return;
        }
        records.record(grant, CareEvent.of(CareEventKind.LEFT_WAITING_LIST, clock.instant()));
        auditLog.record(AuditAction.LEFT_WAITING_LIST, grant.intakeId(), grant.reference(), AUDIT_DETAIL);
        Long assignee = assignments.assigneeOf(grant).orElse(null);
        for (StaffSummary to : staff.staffMemberOrManagersAndLeads(StaffId.ofNullable(assignee))) {
            boolean assigned = assignee != null && to.id() == assignee;
            // a manager cannot open the clinical page: their link finds the case in the queue, to assign it
            String link = publicUrl.link(assigned ? CaseLinks.careStage(grant.reference())
                    : CaseLinks.queueRow(grant.reference()));
            alerts.sendCaseAttention("waiting-place-" + entryId + "-" + intakeId, StaffId.of(to.id()), to.email(),
                    to.displayName(), link);
        }
    }
}
