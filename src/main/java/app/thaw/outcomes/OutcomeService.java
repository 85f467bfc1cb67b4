package app.thaw.outcomes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.care.CareRecords;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientName;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.outcomes.domain.MeasureAlertStore;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;

/**
 * The therapist's side of outcome measures: the case's charts and states, acknowledging a risk answer on a repeat
 * measure (which lets sessions be booked again), and choosing what the case is asked and whether the client sees
 * their own progress. Every path asks the case-access policy first.
 */
@Service
@Transactional
public class OutcomeService {

    /** Longest acknowledgement note, in characters. */
    public static final int NOTE_MAX = 2000;

    private static final Map<String, String> RULE_WORDS = Map.of(
            "phq9_item9", "Thoughts of being better off dead or of self-harm (PHQ-9 item 9)",
            "partner_fear", "Afraid of, or harmed, threatened or controlled by, their partner");

    private final CaseAccess access;
    private final MeasureStore store;
    private final MeasureAlertStore alertStore;
    private final MeasurePlans plans;
    private final CareRecords care;
    private final SubmittedIntakes intakes;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    OutcomeService(CaseAccess access, MeasureStore store, MeasureAlertStore alertStore, MeasurePlans plans, CareRecords care,
                   SubmittedIntakes intakes, AuditLog audit, CurrentUser currentUser, Clock clock) {
        this.access = access;
        this.store = store;
        this.alertStore = alertStore;
        this.plans = plans;
        this.care = care;
        this.intakes = intakes;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The case's measures, each partner's own line beside the client's; empty when missing or not the caller's. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.READ_CLINICAL)
    public Optional<CaseMeasures> caseMeasures(CaseReference reference) {
        return access.find(reference.value(), CaseOperation.READ_CLINICAL).map(this::read);
    }

    private CaseMeasures read(CaseGrant grant) {
        List<CaseGrant> clients = new ArrayList<>();
        clients.add(grant);
        clients.addAll(access.partners(grant, CaseOperation.READ_CLINICAL));
        Map<Long, ClientName> names = intakes.names(clients);
        List<MeasureStore.Response> responses = store.responses(clients.stream().map(CaseGrant::intakeId).toList());
        List<CaseMeasures.ClientLine> lines = new ArrayList<>();
        List<CaseMeasures.AlertView> alerts = new ArrayList<>();
        for (CaseGrant client : clients) {
            List<CaseMeasures.Point> points = responses.stream().filter(r -> r.intakeId() == client.intakeId())
                    .map(r -> new CaseMeasures.Point(r.answeredAt(), r.source(), r.phq9(), r.gad7(), r.csi4(),
                            r.feelings(), r.risk())).toList();
            ClientName name = names.get(client.intakeId());
            lines.add(new CaseMeasures.ClientLine(client.intakeId(), client.reference(),
                    name == null ? client.reference() : name.callName(), client != grant, points, outcome(points)));
            alertStore.alerts(client.intakeId()).forEach(a -> alerts.add(new CaseMeasures.AlertView(a.id(),
                    client.reference(), words(a.rules()), a.createdAt(), a.acknowledgedAt())));
            audit.record(AuditAction.MEASURES_READ, client.intakeId(), client.reference(), "Outcome measures");
        }
        return new CaseMeasures(grant.intakeId(), grant.reference(), lines, alerts, plans.planned(grant),
                plans.clientProgress(grant), care.stage(grant).course());
    }

    /** The state by the NHS Talking Therapies definitions, from the first and last PHQ-9/GAD-7 pair answered. */
    static TalkingTherapiesOutcome outcome(List<CaseMeasures.Point> points) {
        List<CaseMeasures.Point> pairs = points.stream().filter(p -> p.phq9() != null && p.gad7() != null).toList();
        if (pairs.isEmpty()) {
            return TalkingTherapiesOutcome.UNPAIRED;
        }
        var first = scores(pairs.getFirst());
        var last = scores(pairs.getLast());
        return TalkingTherapiesOutcome.of(first, last, pairs.size() >= 2);
    }

    /** A point the filter above kept has both scores. */
    private static TalkingTherapiesOutcome.Scores scores(CaseMeasures.Point pair) {
        return new TalkingTherapiesOutcome.Scores(Objects.requireNonNull(pair.phq9()),
                Objects.requireNonNull(pair.gad7()));
    }

    /** The therapist has seen the risk answer and acted: the case leaves the top of the queue, booking opens again. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void acknowledgeAlert(IntakeId intakeId, String note) {
        CaseGrant grant = access.require(intakeId, CaseOperation.CHANGE_CLINICAL);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Write what you did about it (for example, who you called and what "
                    + "you agreed) before acknowledging.");
        }
        if (text.length() > NOTE_MAX) {
            throw new IllegalArgumentException("Please keep the note under " + NOTE_MAX + " characters.");
        }
        int acknowledged = alertStore.acknowledge(grant.intakeId(), currentUser.require().id(), text, clock.instant());
        if (acknowledged == 0) {
            throw new IllegalArgumentException("There is no open alert on this case.");
        }
        audit.record(AuditAction.MEASURE_ALERT_ACKNOWLEDGED, grant.intakeId(), grant.reference(),
                acknowledged + " alert(s)");
    }

    /** What the case is asked before each session, and whether the client sees their own progress. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.CHANGE_CLINICAL)
    public void changePlan(IntakeId intakeId, Set<Measure> measures, boolean clientProgress) {
        CaseGrant grant = access.require(intakeId, CaseOperation.CHANGE_CLINICAL);
        if (measures == null || measures.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one measure.");
        }
        Set<Measure> chosen = EnumSet.copyOf(measures);
        if (chosen.contains(Measure.CSI4) && grant.facts().coupleCaseId() == null) {
            throw new IllegalArgumentException("The CSI-4 is about a couple's relationship: this client came alone.");
        }
        store.savePlan(grant.intakeId(), Measure.store(chosen), clientProgress, clock.instant(),
                currentUser.require().id());
        audit.record(AuditAction.MEASURE_PLAN_CHANGED, grant.intakeId(), grant.reference(),
                Measure.store(chosen) + (clientProgress ? "; client sees progress" : "; progress hidden from client"));
    }

    private static List<String> words(@Nullable String rules) {
        if (rules == null || rules.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(rules.split(",")).map(r -> RULE_WORDS.getOrDefault(r, r)).toList();
    }
}
