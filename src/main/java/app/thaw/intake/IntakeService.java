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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.SecretToken;
import app.thaw.intake.domain.CoupleCase;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeDraft;
import app.thaw.intake.domain.IntakeDraftRepository;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;

/**
 * The client's side of Thaw. Clients are anonymous: every call is open to anyone, and the private
 * token in the call is the per-record check (a draft, a status page, a partner invitation).
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
    private final ObjectProvider<ClientAppointments> appointments;
    private final ObjectProvider<ClientMeasures> measures;
    private final ObjectProvider<ClientOffers> offers;
    private final Clock clock;

    IntakeService(QuestionnaireCatalog questionnaires, IntakeDraftRepository drafts, IntakeRepository intakes,
                  IntakeSubmissions submissions, ClientStatuses statuses, UnderAgeRefusals refusals,
                  SubmissionRateLimiter rateLimiter, AnswersJson json, ObjectProvider<ClientAppointments> appointments,
                  ObjectProvider<ClientMeasures> measures, ObjectProvider<ClientOffers> offers, Clock clock) {
        this.measures = measures;
        this.offers = offers;
        this.questionnaires = questionnaires;
        this.drafts = drafts;
        this.intakes = intakes;
        this.submissions = submissions;
        this.statuses = statuses;
        this.refusals = refusals;
        this.rateLimiter = rateLimiter;
        this.json = json;
        this.appointments = appointments;
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
     * "Save and continue": the step's messages, or, when the date of birth makes the client younger than 18, the
     * refusal, with the form ({@code token}, if one was started) and everything typed in it deleted at once.
     */
    @PermitAll
    public StepCheck continueFrom(@Nullable String token, String sectionId, Answers answers) {
        QuestionnaireDefinition definition = questionnaires.current();
        Section section = definition.section(sectionId).orElseThrow();
        Answers cleaned = ClientAnswers.cleaned(answers);
        LocalDate today = LocalDate.now(clock);
        boolean asksAge = section.items().stream().anyMatch(item -> item.adultOnly());
        if (asksAge && AnswerValidator.isUnderAge(definition, cleaned, today)) {
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
     * "https://thaw.example/status/") lets the receipt email carry the client's status link.
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

    /** What the client sees through their status link (their own side only); empty for an unknown token. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<ClientStatus> status(String statusToken) {
        return statuses.byStatusToken(statusToken).map(statuses::statusOf);
    }

    /** The client's coming sessions, for their status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ClientAppointments.Session> appointments(String statusToken) {
        return statuses.byStatusToken(statusToken).map(intake -> statuses.diaryOf(intake).upcoming())
                .orElse(List.of());
    }

    /** What came of the client's requests to change a session, for their status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ClientAppointments.RequestUpdate> requestUpdates(String statusToken) {
        ClientAppointments diary = appointments.getIfAvailable();
        return diary == null ? List.of()
                : statuses.byStatusToken(statusToken).map(intake -> diary.requestUpdates(new VerifiedClient(intake.getId())))
                        .orElse(List.of());
    }

    /** Times the practice offered the client's case, to choose one on the status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public ClientOffers.Offered offeredTimes(String statusToken) {
        ClientOffers waitlist = offers.getIfAvailable();
        return waitlist == null ? ClientOffers.Offered.none()
                : statuses.byStatusToken(statusToken).map(intake -> waitlist.offered(new VerifiedClient(intake.getId())))
                        .orElse(ClientOffers.Offered.none());
    }

    /**
     * The client chooses one of the offered times; the session is booked for the case, or they are told why not. The
     * waiting list runs the choice in its own short transaction (a refused choice rolls back alone).
     */
    @PermitAll
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ClientOffers.Choice chooseOfferedTime(String statusToken, long slotId) {
        ClientOffers waitlist = offers.getIfAvailable();
        Intake intake = statuses.byStatusToken(statusToken).orElse(null);
        if (waitlist == null || intake == null) {
            return new ClientOffers.Choice(false, "We couldn't find that offer. Please call the practice.");
        }
        return waitlist.choose(new VerifiedClient(intake.getId()), slotId);
    }

    /** The client asks to cancel or rearrange one of their own sessions; returns what happens next, in words. */
    @PermitAll
    public String requestAppointmentChange(String statusToken, long appointmentId, boolean cancel,
                                           @Nullable String message) {
        ClientAppointments diary = appointments.getIfAvailable();
        Intake intake = statuses.byStatusToken(statusToken).orElseThrow(
                () -> new IllegalArgumentException("We couldn't find your form."));
        if (diary == null) {
            throw new IllegalArgumentException("Please call the practice to change your session.");
        }
        return diary.requestChange(new VerifiedClient(intake.getId()), appointmentId, cancel, message == null ? null
                : app.thaw.intake.questionnaire.TypedText.clean(message));
    }

    /** The client's open measure requests (questions to answer before a session), for their status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ClientMeasures.Invitation> measureInvitations(String statusToken) {
        ClientMeasures source = measures.getIfAvailable();
        return source == null ? List.of()
                : statuses.byStatusToken(statusToken).map(intake -> source.open(new VerifiedClient(intake.getId())))
                        .orElse(List.of());
    }

    /** A fresh private link to one of the client's own open measure requests; empty when it isn't theirs or open. */
    @PermitAll
    public Optional<String> measureLink(String statusToken, long requestId) {
        ClientMeasures source = measures.getIfAvailable();
        return source == null ? Optional.empty()
                : statuses.byStatusToken(statusToken).flatMap(intake -> source.link(new VerifiedClient(intake.getId()),
                        requestId));
    }

    /** The client's own progress in plain words, unless their therapist switched it off. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<String> progress(String statusToken) {
        ClientMeasures source = measures.getIfAvailable();
        return source == null ? List.of()
                : statuses.byStatusToken(statusToken).map(intake -> source.progress(new VerifiedClient(intake.getId())))
                        .orElse(List.of());
    }

    /** A fresh partner link for the client who invited their partner; the old link stops working. */
    @PermitAll
    public Optional<String> renewPartnerInvitation(String statusToken) {
        return statuses.byStatusToken(statusToken).flatMap(statuses::renewInvitation);
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
