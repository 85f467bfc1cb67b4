package app.thaw.outcomes;

import org.springframework.stereotype.Component;

import app.thaw.base.ids.StaffId;
import app.thaw.base.web.PublicUrl;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.notification.StaffAlerts;
import app.thaw.review.CaseAssignments;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;
import app.thaw.security.SystemActor;

/**
 * When a repeat measure opens an alert, the case's therapist is emailed that a case needs them (or, while the case has
 * no therapist, the practice managers and clinical leads, who can assign it), once per alert, with a link and nothing
 * clinical. The queue and the booking gate do the rest.
 */
@Component
class AlertNotices {

    private final CaseAssignments assignments;
    private final StaffAccountService staff;
    private final StaffAlerts alerts;
    private final PublicUrl publicUrl;

    AlertNotices(CaseAssignments assignments, StaffAccountService staff, StaffAlerts alerts, PublicUrl publicUrl) {
        this.assignments = assignments;
        this.staff = staff;
        this.alerts = alerts;
        this.publicUrl = publicUrl;
    }

    /** Returns how many emails were queued. */
    int caseNeedsAttention(CaseGrant grant, long alertId) {
        grant.requireFor(CaseOperation.READ_CLINICAL);
        // the client answering holds no staff role: the grant is the proof of access
        Long assignee = SystemActor.call(() -> assignments.assigneeOf(grant)).orElse(null);
        int queued = 0;
        for (StaffSummary to : SystemActor.call(() -> staff.staffMemberOrManagersAndLeads(StaffId.ofNullable(assignee)))) {
            boolean assigned = assignee != null && to.id() == assignee;
            // a manager cannot open the clinical page: their link finds the case in the queue, to assign it
            String link = publicUrl.link(assigned ? OutcomeLinks.alert(grant.reference())
                    : OutcomeLinks.queueRow(grant.reference()));
            if (alerts.sendCaseAttention("measure-alert-" + alertId, StaffId.of(to.id()), to.email(),
                    to.displayName(), link)) {
                queued++;
            }
        }
        return queued;
    }
}
