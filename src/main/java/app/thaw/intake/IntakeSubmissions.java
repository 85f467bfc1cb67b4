package app.thaw.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.SecretToken;
import app.thaw.intake.domain.CoupleCase;
import app.thaw.intake.domain.CoupleCaseRepository;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeDraft;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.intake.questionnaire.Visibility;

/** Turns a locked, valid draft into an immutable intake: scores, risk flags, couple link, event. */
@Component
class IntakeSubmissions {

    static final Duration PARTNER_INVITATION_LIFETIME = Duration.ofDays(30);

    private final QuestionnaireCatalog questionnaires;
    private final IntakeRepository intakes;
    private final CoupleCaseRepository coupleCases;
    private final AnswersJson json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntakeSubmissions(QuestionnaireCatalog questionnaires, IntakeRepository intakes, CoupleCaseRepository coupleCases,
                      AnswersJson json, ApplicationEventPublisher events, Clock clock) {
        this.questionnaires = questionnaires;
        this.intakes = intakes;
        this.coupleCases = coupleCases;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Must run inside the caller's transaction, with the draft row locked. */
    SubmissionOutcome submit(IntakeDraft draft) {
        return submit(draft, clock.instant());
    }

    /** As above, at a given time: demo data places intakes in the past. */
    SubmissionOutcome submit(IntakeDraft draft, Instant now) {
        QuestionnaireDefinition definition = questionnaires.current();
        Answers asked = Visibility.of(definition).visibleOnly(json.read(draft.getAnswersJson()));
        Map<String, String> errors = AnswerValidator.validateAll(definition, asked, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            return new SubmissionOutcome.NeedsCorrection(errors);
        }
        ScoreReport report = Scorer.score(definition, asked);
        RequestedType requested = RequestedType.fromAnswer(asked.single("preferences.session_type").orElse(""));
        boolean partnerFear = report.hasFlag("partner_fear");

        String statusToken = SecretToken.generate();
        String invitationToken = null;
        Long coupleCaseId = draft.getCoupleCaseId();
        boolean partnerIntake = coupleCaseId != null;
        IntakeStatus status = IntakeStatus.NEW;
        if (partnerIntake) {
            coupleCaseId = joinCoupleCase(coupleCaseId, now);
        } else if (requested == RequestedType.COUPLES && !partnerFear) {
            invitationToken = SecretToken.generate();
            coupleCaseId = coupleCases.save(new CoupleCase(SecretToken.hash(invitationToken),
                    now.plus(PARTNER_INVITATION_LIFETIME), now)).getId();
            status = IntakeStatus.AWAITING_PARTNER;
        }

        var intake = intakes.save(new Intake(new Intake.IntakeRecord(uniqueReference(), status, requested,
                report.urgent(), definition.id(), definition.version(), json.write(asked),
                json.writeScores(report.scores()), json.writeRiskFlags(report.riskFlags()),
                asked.single("about.full_name").orElseThrow().strip(),
                asked.single("about.preferred_name").map(String::strip).orElse(null),
                asked.single("about.email").orElseThrow().strip(),
                asked.single("about.phone").orElseThrow().strip(),
                LocalDate.parse(asked.single("about.date_of_birth").orElseThrow().strip()),
                definition.privacyNoticeVersion(), consentedAt(draft, now), SecretToken.hash(statusToken),
                draft.getId(), coupleCaseId, now)));
        draft.markSubmitted(intake.getId(), now);
        events.publishEvent(new IntakeSubmitted(intake.getId(), intake.getReference(), intake.isUrgent(),
                requested, coupleCaseId));

        List<String> reasons = report.riskFlags().stream().map(RiskFlag::description).toList();
        String callName = asked.single("about.preferred_name").map(String::strip).filter(n -> !n.isEmpty())
                .orElse(intake.getFullName().split("\\s+")[0]);
        return new SubmissionOutcome.Submitted(new SubmissionReceipt(intake.getReference(), callName, statusToken,
                report.urgent(), reasons, requested, invitationToken, partnerIntake,
                requested == RequestedType.COUPLES && partnerFear && !partnerIntake));
    }

    /** When the consent box was ticked; forms saved before that was recorded consent as they are sent. */
    private static Instant consentedAt(IntakeDraft draft, Instant now) {
        Instant ticked = draft.getPrivacyConsentAt();
        return ticked == null || ticked.isAfter(now) ? now : ticked;
    }

    /** The partner's intake joins the case and the invitation closes; a closed one leaves it standalone. */
    private Long joinCoupleCase(long coupleCaseId, Instant now) {
        CoupleCase coupleCase = coupleCases.findById(coupleCaseId).orElse(null);
        if (coupleCase == null || !coupleCase.invitationOpenAt(now) || intakes.countByCoupleCaseId(coupleCaseId) >= 2) {
            return null;
        }
        coupleCase.closeInvitation(now);
        intakes.partnerArrived(coupleCaseId);
        return coupleCaseId;
    }

    private String uniqueReference() {
        String reference = ReferenceCodes.next();
        while (intakes.existsByReference(reference)) {
            reference = ReferenceCodes.next();
        }
        return reference;
    }
}
