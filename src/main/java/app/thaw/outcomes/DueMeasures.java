package app.thaw.outcomes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.thaw.care.CareRecords;
import app.thaw.care.CaseStage;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.scheduling.AppointmentNotice;

/**
 * What each client of the sessions about to start is to be asked (their case's planned measures, less what the
 * intake already measured before a first session), and which of them chose email; only cases the policy lets the
 * practice read.
 */
@Component
class DueMeasures {

    private final CaseAccess access;
    private final MeasurePlans plans;
    private final SubmittedIntakes intakes;
    private final CareRecords care;

    DueMeasures(CaseAccess access, MeasurePlans plans, SubmittedIntakes intakes, CareRecords care) {
        this.access = access;
        this.plans = plans;
        this.intakes = intakes;
        this.care = care;
    }

    /** The requests to create, keyed (intake, session) to their notice and recipient, and who may be emailed. */
    record Wanted(List<MeasureStore.NewRequest> requests, Map<List<Long>, AppointmentNotice> notices,
                  Map<List<Long>, AppointmentNotice.Recipient> recipients, Set<Long> emailSafe) {
    }

    Wanted of(List<AppointmentNotice> due) {
        Set<Long> ids = new LinkedHashSet<>();
        due.forEach(n -> n.recipients().stream().filter(r -> r.intakeId() != null).forEach(r -> ids.add(r.intakeId())));
        Map<Long, CaseGrant> grants = new HashMap<>();
        access.checkAll(ids, CaseOperation.READ_CLINICAL).forEach(g -> grants.put(g.intakeId(), g));
        Map<Long, Set<Measure>> planned = plans.planned(new ArrayList<>(grants.values()));
        Map<Long, CaseStage> stages = care.stages(grants.values());
        Set<Long> emailSafe = intakes.emailSafe(grants.values());
        List<MeasureStore.NewRequest> wanted = new ArrayList<>();
        Map<List<Long>, AppointmentNotice> notices = new HashMap<>();
        Map<List<Long>, AppointmentNotice.Recipient> recipients = new HashMap<>();
        for (AppointmentNotice notice : due) {
            for (AppointmentNotice.Recipient to : notice.recipients()) {
                CaseGrant grant = to.intakeId() == null ? null : grants.get(to.intakeId());
                if (grant == null) {
                    continue;
                }
                Set<Measure> measures = EnumSet.copyOf(planned.getOrDefault(grant.intakeId(), Measure.INDIVIDUAL));
                CaseStage stage = stages.get(grant.intakeId());
                if (stage == null || stage.course().attendedSessions() == 0) {
                    // the first session's measure is the intake's own answers
                    measures.removeAll(Measure.FROM_INTAKE);
                }
                if (measures.isEmpty()) {
                    continue;
                }
                wanted.add(new MeasureStore.NewRequest(grant.intakeId(), notice.appointmentId(),
                        Measure.store(measures), notice.start().toInstant(), notice.end().toInstant()));
                List<Long> key = List.of(grant.intakeId(), notice.appointmentId());
                notices.put(key, notice);
                recipients.put(key, to);
            }
        }
        return new Wanted(wanted, notices, recipients, emailSafe);
    }
}
