package app.thaw.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.SecretToken;
import app.thaw.base.web.PublicUrl;
import app.thaw.intake.domain.CoupleCase;
import app.thaw.intake.domain.CoupleCaseRepository;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeDraft;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.DateAnswers;
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
    private final StatusLinksForEmail statusLinks;
    private final PublicUrl publicUrl;
    private final Clock clock;

    IntakeSubmissions(QuestionnaireCatalog questionnaires, IntakeRepository intakes, CoupleCaseRepository coupleCases,
                      AnswersJson json, ApplicationEventPublisher events, StatusLinksForEmail statusLinks,
                      PublicUrl publicUrl, Clock clock) {
        this.statusLinks = statusLinks;
        this.publicUrl = publicUrl;
        this.questionnaires = questionnaires;
        this.intakes = intakes;
        this.coupleCases = coupleCases;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Must run inside the caller's transaction, with the draft row locked. {@code statusLinkPrefix}: the page shows the
     * client their status link, so the emailed receipt carries it too (null: the receipt goes without the link). The
     * emailed link is always built from thaw.public-url; the host in the prefix is never used.
     */
    SubmissionOutcome submit(IntakeDraft draft, @Nullable String statusLinkPrefix) {
        return submit(draft, clock.instant(), statusLinkPrefix);
    }

    /** As above, at a given time: demo data places intakes in the past. */
    SubmissionOutcome submit(IntakeDraft draft, Instant now, @Nullable String statusLinkPrefix) {
        QuestionnaireDefinition definition = questionnaires.current();
        Answers asked = Visibility.of(definition).visibleOnly(json.read(draft.getAnswersJson()));
        Map<String, String> errors = AnswerValidator.validateAll(definition, asked, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            return new SubmissionOutcome.NeedsCorrection(errors);
        }
        asked = datesAsIso(definition, asked);
        boolean emailSafe = emailSafe(definition, asked);
        ScoreReport report = Scorer.score(definition, asked);
        RequestedType requested = RequestedType.fromAnswer(asked.single("preferences.session_type").orElse(""));
        boolean partnerFear = report.hasFlag("partner_fear");

        String statusToken = SecretToken.generate();
        String invitationToken = null;
        Long coupleCaseId = draft.getCoupleCaseId();
        boolean partnerIntake = coupleCaseId != null;
        IntakeStatus status = IntakeStatus.NEW;
        if (coupleCaseId != null) {
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
                LocalDate.parse(asked.single("about.date_of_birth").orElseThrow()),
                Objects.requireNonNull(definition.privacyNoticeVersion(), "the definition checker requires one"),
                consentedAt(draft, now), SecretToken.hash(statusToken),
                draft.getId(), coupleCaseId, now, emailSafe)));
        draft.markSubmitted(intake.getId(), now);
        events.publishEvent(new IntakeSubmitted(intake.getId(), intake.getReference(), intake.isUrgent(),
                requested, coupleCaseId));

        List<String> reasons = report.riskFlags().stream().map(RiskFlag::description).toList();
        String callName = asked.single("about.preferred_name").map(String::strip).filter(n -> !n.isEmpty())
                .orElse(intake.getFullName().split("\\s+")[0]);
        if (emailSafe) {
            statusLinks.keep(intake.getId(), statusToken);
            events.publishEvent(new IntakeReceiptRequested(intake.getId(), intake.getReference(), intake.getEmail(),
                    callName, statusLink(statusLinkPrefix, statusToken)));
        }
        return new SubmissionOutcome.Submitted(new SubmissionReceipt(intake.getReference(), callName, statusToken,
                report.urgent(), reasons, requested, invitationToken, partnerIntake,
                requested == RequestedType.COUPLES && partnerFear && !partnerIntake, emailSafe,
                emailSafe && statusLink(statusLinkPrefix, statusToken) != null));
    }

    /** The item where intake-v2 asks which ways of contact are safe; earlier versions didn't ask. */
    static final String CONTACT_SAFE = SubmittedIntake.SAFE_CONTACT_ITEM;

    /** Only what the client said is safe: forms from before the question was asked were told they'd be emailed. */
    static boolean emailSafe(QuestionnaireDefinition definition, Answers asked) {
        return definition.item(CONTACT_SAFE).isEmpty() || asked.multi(CONTACT_SAFE).contains("email");
    }

    /** A date typed as 14.03.1986 or 14 March 1986 is kept as 1986-03-14, as every reader expects. */
    private static Answers datesAsIso(QuestionnaireDefinition definition, Answers asked) {
        Answers iso = asked;
        for (var item : definition.items()) {
            if (item.kind() == app.thaw.intake.questionnaire.ItemKind.DATE && asked.isAnswered(item.id())) {
                LocalDate date = Objects.requireNonNull(DateAnswers.read(asked.single(item.id()).orElseThrow(), "").date(),
                        "checked when the section was saved");
                iso = iso.with(item.id(), date.toString());
            }
        }
        return iso;
    }

    /** The receipt's status link, under the practice's public address whatever the page passed (null: none). */
    private @Nullable String statusLink(@Nullable String prefix, String statusToken) {
        return prefix != null ? publicUrl.link("status/" + statusToken) : null;
    }

    /** When the consent box was ticked; forms saved before that was recorded consent as they are sent. */
    private static Instant consentedAt(IntakeDraft draft, Instant now) {
        Instant ticked = draft.getPrivacyConsentAt();
        return ticked == null || ticked.isAfter(now) ? now : ticked;
    }

    /** The partner's intake joins the case and the invitation closes; a closed one leaves it standalone. */
    private @Nullable Long joinCoupleCase(long coupleCaseId, Instant now) {
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
