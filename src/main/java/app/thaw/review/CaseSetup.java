package app.thaw.review;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.audit.AuditAction;
import app.thaw.base.database.DatabaseRefusals;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.audit.AuditLog;
import app.thaw.intake.IntakeSubmitted;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.review.domain.FactorSuggestionRecord;
import app.thaw.review.domain.FactorSuggestionRepository;
import app.thaw.review.domain.ReviewCase;
import app.thaw.review.domain.ReviewCaseRepository;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorSuggester;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * Opens the review case and stores the rules' suggestions once a client's intake is committed. The event
 * publication registry keeps the submission until this has succeeded and resubmits it after a failure or a restart
 * (see {@code app.thaw.base.events.EventResubmission}), so a submission is never lost to the queue.
 */
@Component
class CaseSetup {

    /** The words V183's trigger raises (constraint review_case_holder_active), which the driver reports. */
    private static final String HOLDER_GONE = "the therapist this case is given to is no longer active";
    static final String CASE_HOLDER_GONE = "That therapist no longer sees clients here (their account was deactivated "
            + "or their role changed a moment ago). Choose another therapist, or return the case to the shared queue.";

    private final ReviewCaseRepository cases;
    private final FactorSuggestionRepository suggestions;
    private final SubmittedIntakes intakes;
    private final CaseAccess access;
    private final FactorRuleSet rules;
    private final AuditLog auditLog;
    private final StaffAccountService staff;
    private final JsonMapper json;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    CaseSetup(ReviewCaseRepository cases, FactorSuggestionRepository suggestions, SubmittedIntakes intakes,
              CaseAccess access, FactorRuleSet rules, AuditLog auditLog, StaffAccountService staff, JsonMapper json,
              Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.access = access;
        this.cases = cases;
        this.suggestions = suggestions;
        this.intakes = intakes;
        this.rules = rules;
        this.auditLog = auditLog;
        this.staff = staff;
        this.json = json;
        this.clock = clock;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(IntakeSubmitted submitted) {
        SystemActor.run(() -> {
            auditLog.record(AuditAction.INTAKE_SUBMITTED, submitted.intakeId(), submitted.reference(),
                    submitted.urgent() ? "Flagged urgent by the client's answers" : null);
            CaseGrant grant = access.require(submitted.intakeId(), CaseOperation.READ_CLINICAL);
            setUp(grant, intakes.find(grant));
        });
    }

    /** Idempotent, as a resubmitted publication may repeat it: creates what is missing, leaves what exists. */
    private void setUp(CaseGrant grant, SubmittedIntake intake) {
        long intakeId = grant.intakeId();
        if (cases.findById(intakeId).isEmpty()) {
            open(grant);
        }
        if (!suggestions.existsByIntakeId(intakeId)) {
            var report = new ScoreReport(intake.scores(), intake.riskFlags(), intake.urgent());
            for (var suggestion : FactorSuggester.suggest(rules, intake.questionnaire(), intake.answers(), report)) {
                suggestions.save(new FactorSuggestionRecord(intakeId, suggestion.tagId(),
                        json.writeValueAsString(suggestion.reasons()), rules.version(), clock.instant()));
            }
        }
    }

    /**
     * A new case. A partner joining a couple case the practice already assigned goes to the same therapist:
     * both partners' intakes are one piece of work, and an unassigned partner would let any therapist take
     * (and with it reassign) a colleague's couple.
     */
    private void open(CaseGrant grant) {
        long intakeId = grant.intakeId();
        var reviewCase = new ReviewCase(intakeId);
        Long therapist = grant.facts().partnerIntakeIds().stream()
                .map(cases::findById)
                .flatMap(Optional::stream)
                .map(ReviewCase::getAssignedTherapistId)
                .filter(Objects::nonNull)
                .findFirst()
                .filter(this::stillSeesClients)
                .orElse(null);
        reviewCase.assignTo(therapist);
        cases.saveAndFlush(reviewCase);
        if (therapist != null) {
            String name = SystemActor.call(() -> staff.displayNames()).getOrDefault(therapist, "Former staff member");
            SystemActor.run(() -> auditLog.record(AuditAction.CASE_ASSIGNED, intakeId, grant.reference(),
                    "Assigned to " + name + " with the partner's intake"));
        }
    }

    // a partner's case kept by a colleague who has since left, or no longer sees clients, goes to the shared queue
    // (the database refuses them, and the event opening the case would fail on every retry)
    private boolean stillSeesClients(long therapistId) {
        return SystemActor.call(() -> staff.stillSeeingClients(List.of(therapistId))).contains(therapistId);
    }

    /**
     * Who holds the couple's case (either partner's review case), if anyone. One indexed read rather than an entity
     * per partner, as every booking asks; {@link #assignCouple} flushes, so an assignment earlier in the same
     * transaction is seen.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Nullable Long assigneeOfCouple(CaseGrant grant) {
        List<Long> members = grant.facts().coupleIntakeIds();
        List<Long> held = members.size() == 1
                ? jdbc.queryForList("select assigned_therapist_id from review_case where intake_id = ?"
                        + " and assigned_therapist_id is not null", Long.class, members.getFirst())
                : jdbc.queryForList("select assigned_therapist_id from review_case where intake_id = any(?)"
                        + " and assigned_therapist_id is not null order by array_position(?, intake_id)", Long.class,
                        members.toArray(Long[]::new), members.toArray(Long[]::new));
        return held.isEmpty() ? null : held.getFirst();
    }

    /**
     * Gives the case, with the partner's intake, to a therapist (or back to the shared queue): a couple is one piece
     * of work, so both partners always move together. The database refuses a therapist deactivated a moment ago,
     * after the caller checked them (V183); that refusal is said in words.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void assignCouple(CaseGrant grant, @Nullable Long therapistId, String detail) {
        try {
            for (long member : grant.facts().coupleIntakeIds()) {
                ReviewCase reviewCase = cases.findById(member)
                        .orElseGet(() -> cases.saveAndFlush(new ReviewCase(member)));
                if (Objects.equals(reviewCase.getAssignedTherapistId(), therapistId)) {
                    continue; // already so: the history gains no line for a change that did not happen
                }
                reviewCase.assignTo(therapistId);
                auditLog.record(AuditAction.CASE_ASSIGNED, member, grant.facts().referenceOf(member), detail);
            }
            cases.flush();
        } catch (DataIntegrityViolationException e) {
            if (DatabaseRefusals.refusedWith(e, DatabaseRefusals.CHECK_VIOLATION, HOLDER_GONE)) {
                throw new CaseActionRefused(CASE_HOLDER_GONE);
            }
            throw e;
        }
    }
}
