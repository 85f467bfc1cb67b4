package app.thaw.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.SecretToken;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.security.SystemActor;

/**
 * The client's side of outcome measures. Clients are anonymous: the private link is the per-record check, scoped to
 * one set of measures before one session, and it stops working once answered, once the session is over or once the
 * case is closed.
 */
@Service
@Transactional
public class MeasureForms {

    static final String GONE = "These questions can no longer be answered: they were already sent, or the "
            + "appointment they were for is over. Your next set will come before your next appointment.";

    private final MeasureStore store;
    private final MeasureCatalog catalog;
    private final MeasureRecords records;
    private final CaseAccess access;
    private final Clock clock;

    MeasureForms(MeasureStore store, MeasureCatalog catalog, MeasureRecords records, CaseAccess access, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.records = records;
        this.access = access;
        this.clock = clock;
    }

    /** The questions behind a link; empty for an unknown or malformed one. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<MeasureForm> open(String token) {
        return request(token).map(request -> {
            Instant now = clock.instant();
            var state = request.answeredAt() != null ? MeasureForm.State.ANSWERED
                    : request.openAt(now) ? MeasureForm.State.OPEN : MeasureForm.State.EXPIRED;
            return new MeasureForm(state, Measure.parse(request.measures()).stream().sorted(MeasureForms::order)
                    .map(catalog::definition).toList(), request.sessionStarts(), request.expiresAt());
        });
    }

    /** Checks and keeps the answers; a risk answer opens an alert for the therapist in the same transaction. */
    @PermitAll
    public MeasureSubmission submit(String token, Map<String, List<String>> answers) {
        Optional<MeasureStore.Request> found = request(token).flatMap(r -> store.requestForUpdate(r.id()));
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().openAt(now)) {
            return new MeasureSubmission.Gone(GONE);
        }
        MeasureStore.Request request = found.get();
        CaseGrant grant = SystemActor.call(() -> access.require(request.intakeId(), CaseOperation.READ_CLINICAL));
        if (grant.facts().closed()) {
            // closing closes the case's questions; one the daily job made at that very moment takes nothing either
            return new MeasureSubmission.Gone(GONE);
        }
        Set<Measure> measures = Measure.parse(request.measures());
        Answers given = Answers.of(answers == null ? Map.of() : answers);
        Map<String, String> problems = records.problems(measures, given, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            return new MeasureSubmission.Invalid(problems);
        }
        return SystemActor.call(() -> {
            var recorded = records.recordClient(grant, request, given, now);
            return new MeasureSubmission.Saved(!recorded.risks().isEmpty(),
                    recorded.risks().stream().anyMatch(r -> r.ruleId().equals("partner_fear")));
        });
    }

    private Optional<MeasureStore.Request> request(String token) {
        return SecretToken.isWellFormed(token) ? store.requestByLink(SecretToken.hash(token)) : Optional.empty();
    }

    /** Symptoms first, as the intake asked them; the relationship and safety questions last. */
    static int order(Measure a, Measure b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(Measure measure) {
        return switch (measure) {
            case PHQ9 -> 0;
            case GAD7 -> 1;
            case FEELINGS -> 2;
            case CSI4 -> 3;
            case PARTNER_SAFETY -> 4;
        };
    }
}
