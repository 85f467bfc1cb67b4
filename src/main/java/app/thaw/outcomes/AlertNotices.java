package app.thaw.outcomes;

import org.springframework.stereotype.Component;

import app.thaw.base.web.PublicUrl;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.notification.StaffAlerts;
import app.thaw.outcomes.domain.MeasureAlertStore;

/**
 * When a repeat measure opens an alert, the case's therapist is emailed that a case needs them (or, while the case has
 * no therapist, the practice managers and clinical leads, who can assign it), once per alert, with a link and nothing
 * clinical. The queue and the booking gate do the rest.
 */
@Component
class AlertNotices {

    private final MeasureAlertStore store;
    private final StaffAlerts alerts;
    private final PublicUrl publicUrl;

    AlertNotices(MeasureAlertStore store, StaffAlerts alerts, PublicUrl publicUrl) {
        this.store = store;
        this.alerts = alerts;
        this.publicUrl = publicUrl;
    }

    /** Returns how many emails were queued. */
    int caseNeedsAttention(CaseGrant grant, long alertId) {
        grant.requireFor(CaseOperation.READ_CLINICAL);
        int queued = 0;
        for (MeasureAlertStore.Recipient to : store.alertRecipients(grant.intakeId())) {
            // a manager cannot open the clinical page: their link finds the case in the queue, to assign it
            String link = publicUrl.link(to.assigned() ? OutcomeLinks.alert(grant.reference())
                    : OutcomeLinks.queueRow(grant.reference()));
            if (alerts.sendCaseAttention("measure-alert-" + alertId, to.staffId(), to.email(), to.name(), link)) {
                queued++;
            }
        }
        return queued;
    }
}
