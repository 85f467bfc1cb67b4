package app.thaw.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.SecretToken;
import app.thaw.intake.domain.CoupleCase;
import app.thaw.intake.domain.IntakeDraft;
import app.thaw.intake.domain.IntakeDraftRepository;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;

/**
 * The client's form: drafts, sending it, and the partner's invitation. Clients are anonymous: every call is open to
 * anyone, and the private token in the call is the per-record check. The status page is {@link ClientStatusService}.
 */
@Service
@Transactional
public class IntakeService {

    static final Duration DRAFT_LIFETIME = Duration.ofDays(7);

    private final QuestionnaireCatalog questionnaires;
    private final IntakeDraftRepository drafts;
    private final IntakeRepository intakes;
    private final IntakeSubmissions submissions;
    private final ClientStatuses statuses;
    private final UnderAgeRefusals refusals;
    private final SubmissionRateLimiter rateLimiter;
    private final AnswersJson json;
    private final Clock clock;

    IntakeService(QuestionnaireCatalog questionnaires, IntakeDraftRepository drafts, IntakeRepository intakes,
                  IntakeSubmissions submissions, ClientStatuses statuses, UnderAgeRefusals refusals,
                  SubmissionRateLimiter rateLimiter, AnswersJson json, Clock clock) {
        this.questionnaires = questionnaires;
        this.drafts = drafts;
        this.intakes = intakes;
        this.submissions = submissions;
        this.statuses = statuses;
        this.refusals = refusals;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public QuestionnaireDefinition questionnaire() {
        return questionnaires.current();
    }

    /** A new, empty form; from a partner's invitation link it is tied to their couple case. */
    @PermitAll
    public Optional<DraftSnapshot> startDraft(@Nullable String partnerInvitationToken, String clientAddress) {
        Instant now = clock.instant();
        Long coupleCaseId = null;
        if (partnerInvitationToken != null) {
            coupleCaseId = statuses.openInvitation(partnerInvitationToken, now).map(CoupleCase::getId).orElse(null);
            if (coupleCaseId == null) {
                return Optional.empty();
            }
        }
        if (!rateLimiter.tryAcquire("draft:" + clientAddress)) {
            throw new TooManyRequestsException();
        }
        String token = SecretToken.generate();
        var draft = drafts.save(new IntakeDraft(SecretToken.hash(token), coupleCaseId, now, now.plus(DRAFT_LIFETIME)));
        return Optional.of(snapshot(token, draft));
    }

    /** The draft behind a resume link or cookie, if it is still open. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<DraftSnapshot> resumeDraft(String token) {
        if (!SecretToken.isWellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return drafts.findByTokenHash(SecretToken.hash(token))
                .filter(draft -> draft.isOpenAt(now))
                .map(draft -> snapshot(token, draft));
    }

    /**
     * The device's draft, but only if it was begun from this same, still open, invitation: the partner who left
     * comes back to their own form, and an invitation link never opens a form someone else started on the device.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<DraftSnapshot> resumeInvitedDraft(String draftToken, String partnerInvitationToken) {
        if (!SecretToken.isWellFormed(draftToken)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return statuses.openInvitation(partnerInvitationToken, now)
                .flatMap(coupleCase -> drafts.findByTokenHash(SecretToken.hash(draftToken))
                        .filter(draft -> draft.isOpenAt(now) && draft.joins(coupleCase)))
                .map(draft -> snapshot(draftToken, draft));
    }

    /**
     * Saves the answers the client just changed (an empty list clears one) and where they are. Text is kept
     * cleaned (NFC, no control characters); text over its limit is not saved (never cut), see {@link ClientAnswers}.
     * Returns false when the draft has expired or was already submitted.
     */
    @PermitAll
    public boolean saveAnswers(String token, Map<String, List<String>> changed, @Nullable String currentSection) {
        if (!SecretToken.isWellFormed(token)) {
            return false;
        }
        Instant now = clock.instant();
        QuestionnaireDefinition definition = questionnaires.current();
        String section = currentSection != null && definition.section(currentSection).isPresent()
                ? currentSection : null;
        String hash = SecretToken.hash(token);
        Map<String, List<String>> kept = ClientAnswers.storable(definition, changed);
        boolean saved = drafts.mergeAnswers(hash, json.writePatch(kept), section, now,
                now.plus(DRAFT_LIFETIME)) == 1;
        List<String> consent = kept.get(PRIVACY_CONSENT);
        if (saved && consent != null) {
            if (consent.contains("true")) {
                drafts.privacyConsentGiven(hash, now);
            } else {
                drafts.privacyConsentWithdrawn(hash);
            }
        }
        return saved;
    }

    /** The consent item whose ticking is the client's acceptance of the privacy notice. */
    static final String PRIVACY_CONSENT = "consent.privacy";

    /** Server-side check of one step, with the messages shown next to each field. */
    @PermitAll
    @Transactional(readOnly = true)
    public Map<String, String> validateSection(String sectionId, Answers answers) {
        QuestionnaireDefinition definition = questionnaires.current();
        Section section = definition.section(sectionId).orElseThrow();
        return AnswerValidator.validate(definition, section, ClientAnswers.cleaned(answers), LocalDate.now(clock));
    }

    /**
     * "Save and continue": the step's messages, or, when the date of birth makes the client younger than 18, first
     * the question whether that date is right and, once {@code ageConfirmed}, the refusal, with the form
     * ({@code token}, if one was started) and everything typed in it deleted at once.
     */
    @PermitAll
    public StepCheck continueFrom(@Nullable String token, String sectionId, Answers answers, boolean ageConfirmed) {
        QuestionnaireDefinition definition = questionnaires.current();
        Section section = definition.section(sectionId).orElseThrow();
        Answers cleaned = ClientAnswers.cleaned(answers);
        LocalDate today = LocalDate.now(clock);
        boolean asksAge = section.items().stream().anyMatch(item -> item.adultOnly());
        Optional<LocalDate> under18 = asksAge ? AnswerValidator.underAgeBirthDate(definition, cleaned, today)
                : Optional.empty();
        if (under18.isPresent() && !ageConfirmed) {
            return new StepCheck.AgeToConfirm(under18.get(), AnswerValidator.ageOn(under18.get(), today));
        }
        if (under18.isPresent()) {
            refusals.refuse(token);
            return new StepCheck.UnderAge();
        }
        Map<String, String> errors = AnswerValidator.validate(definition, section, cleaned, today);
        return errors.isEmpty() ? new StepCheck.Fine() : new StepCheck.Problems(errors);
    }

    /** Sends the form; the emailed receipt (if email is safe for the client) has no status link. */
    @PermitAll
    public SubmissionOutcome submit(String token, String clientAddress, boolean honeypotFilled) {
        return submit(token, clientAddress, honeypotFilled, null);
    }

    /**
     * Sends the form. Safe to call twice: the draft row is locked, and a second call finds it already
     * submitted. A filled honeypot or too many forms from one address are refused with a clear message; a
     * form whose date of birth is under 18 is refused and deleted. {@code statusLinkPrefix} (e.g.
     * "https://thaw.example/status/") lets the receipt email carry the client's status link, which is always built
     * from thaw.public-url, whatever host the prefix names.
     */
    @PermitAll
    public SubmissionOutcome submit(String token, String clientAddress, boolean honeypotFilled,
                                    @Nullable String statusLinkPrefix) {
        if (!rateLimiter.tryAcquire("submit:" + clientAddress)) {
            return new SubmissionOutcome.TooManyRequests();
        }
        if (honeypotFilled) {
            return new SubmissionOutcome.Refused("We couldn't send this form because a field meant for automated "
                    + "programs was filled in. If you filled in the form yourself, please leave the field "
                    + "marked 'Leave this empty' blank and send it again.");
        }
        Optional<IntakeDraft> locked = SecretToken.isWellFormed(token)
                ? drafts.lockByTokenHash(SecretToken.hash(token)) : Optional.empty();
        if (locked.isEmpty()) {
            return new SubmissionOutcome.Refused(DRAFT_GONE);
        }
        IntakeDraft draft = locked.get();
        if (draft.getSubmittedIntakeId() != null) {
            return intakes.findById(draft.getSubmittedIntakeId())
                    .<SubmissionOutcome>map(intake -> new SubmissionOutcome.AlreadySubmitted(intake.getReference()))
                    .orElse(new SubmissionOutcome.Refused(DRAFT_GONE));
        }
        if (!draft.isOpenAt(clock.instant())) {
            return new SubmissionOutcome.Refused(DRAFT_GONE);
        }
        if (AnswerValidator.isUnderAge(questionnaires.current(), json.read(draft.getAnswersJson()),
                LocalDate.now(clock))) {
            refusals.refuse(token);
            return new SubmissionOutcome.UnderAge();
        }
        return submissions.submit(draft, statusLinkPrefix);
    }

    /**
     * Emails the partner their invitation, on the client's request from the confirmation page. The link
     * must be this client's current, open invitation, and the client must have said email is safe for them.
     */
    @PermitAll
    public void emailPartnerInvitation(String invitationToken, String partnerEmail, String inviterFirstName,
                                       String link) {
        statuses.emailInvitation(invitationToken, partnerEmail, inviterFirstName, link);
    }

    /** Whether a partner invitation link can still be used, before the partner starts typing. */
    @PermitAll
    @Transactional(readOnly = true)
    public boolean isPartnerInvitationOpen(String invitationToken) {
        return statuses.openInvitation(invitationToken, clock.instant()).isPresent();
    }

    private static final String DRAFT_GONE = "This form can no longer be sent: it was already sent, or it was "
            + "left for more than 7 days and removed for your privacy. Please start a new form.";

    private DraftSnapshot snapshot(String token, IntakeDraft draft) {
        return new DraftSnapshot(token, json.read(draft.getAnswersJson()), draft.getCurrentSection(),
                draft.getCoupleCaseId() != null, draft.getExpiresAt());
    }
}
