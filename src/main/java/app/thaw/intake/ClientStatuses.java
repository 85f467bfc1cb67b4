package app.thaw.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.SecretToken;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.web.PublicUrl;
import app.thaw.intake.domain.CoupleCase;
import app.thaw.intake.domain.CoupleCaseRepository;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.ContactFormats;

/**
 * The client's side after sending: their status and their part in a couple case. A partner never sees the other's
 * side, so nothing here reads the partner's form, status or requests: the status is built from the client's own
 * intake and their own part of the diary only, and looks the same whatever the partner has or hasn't done.
 */
@Component
class ClientStatuses {

    private final IntakeRepository intakes;
    private final CoupleCaseRepository coupleCases;
    private final ObjectProvider<ClientAppointments> appointments;
    private final AnswersJson json;
    private final ApplicationEventPublisher events;
    private final PublicUrl publicUrl;
    private final AnswerCorrections corrections;
    private final Clock clock;

    ClientStatuses(IntakeRepository intakes, CoupleCaseRepository coupleCases,
                   ObjectProvider<ClientAppointments> appointments, AnswersJson json, ApplicationEventPublisher events,
                   PublicUrl publicUrl, AnswerCorrections corrections, Clock clock) {
        this.corrections = corrections;
        this.publicUrl = publicUrl;
        this.intakes = intakes;
        this.coupleCases = coupleCases;
        this.appointments = appointments;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    Optional<Intake> byStatusToken(String statusToken) {
        return SecretToken.isWellFormed(statusToken)
                ? intakes.findByStatusTokenHash(SecretToken.hash(statusToken)) : Optional.empty();
    }

    ClientStatus statusOf(Intake intake) {
        ClientAppointments diary = appointments.getIfAvailable();
        var own = diary == null ? ClientAppointments.ClientDiary.EMPTY
                : diary.diaryOf(new VerifiedClient(intake.getId()));
        return new ClientStatus(intake.getReference(), intake.getSubmittedAt(),
                stage(intake.getStatus(), own), own.upcoming(), own.earlierSessions(),
                contactWays(corrections.current(intake.getId(), json.read(intake.getAnswersJson()))),
                // once the two of them have a session together, a new link for the partner is moot, and saying
                // so tells the client nothing the session on this page has not
                invitedThePartner(intake) && !own.withPartner());
    }

    ClientAppointments.ClientDiary diaryOf(Intake intake) {
        ClientAppointments diary = appointments.getIfAvailable();
        return diary == null ? ClientAppointments.ClientDiary.EMPTY
                : diary.diaryOf(new VerifiedClient(intake.getId()));
    }

    /**
     * A fresh invitation link for the client who sent it; the old one stops working. Once the partner has sent
     * their form the link is made but leads nowhere: the page must look the same either way, or it would tell
     * one partner what the other has done.
     */
    Optional<String> renewInvitation(Intake intake) {
        // the same rule as the page's button: once the two have a session together there is nobody left to invite
        if (!invitedThePartner(intake) || diaryOf(intake).withPartner()) {
            return Optional.empty();
        }
        String token = SecretToken.generate();
        long coupleCaseId = Objects.requireNonNull(intake.getCoupleCaseId(), "an invited partner has a couple case");
        coupleCases.findById(coupleCaseId).filter(coupleCase -> intakes.countByCoupleCaseId(coupleCaseId) < 2)
                .ifPresent(coupleCase -> coupleCase.renewInvitation(SecretToken.hash(token),
                        clock.instant().plus(IntakeSubmissions.PARTNER_INVITATION_LIFETIME)));
        return Optional.of(token);
    }

    /**
     * Emails the partner their invitation, on the client's request from the confirmation page. Never by email
     * when the client said email isn't safe for them, and never to the client's own address.
     */
    void emailInvitation(String invitationToken, String partnerEmail, String inviterFirstName, String link) {
        String address = partnerEmail == null ? "" : partnerEmail.strip();
        if (!ContactFormats.isEmail(address)) {
            throw new IllegalArgumentException("This doesn't look like an email address — please check it");
        }
        Intake inviter = openInvitation(invitationToken, clock.instant())
                .filter(coupleCase -> link.endsWith("/intake/partner/" + invitationToken))
                .flatMap(coupleCase -> intakes.findByCoupleCaseIdOrderBySubmittedAtAsc(coupleCase.getId()).stream()
                        .findFirst())
                .orElseThrow(() -> new IllegalArgumentException("This invitation has expired or was already used."));
        if (!inviter.isEmailSafe()) {
            throw new IllegalArgumentException("You told us email isn't safe for you, so we don't send emails about "
                    + "your form. Please give your partner the link yourself, in a way that is safe for you.");
        }
        if (address.equalsIgnoreCase(inviter.getEmail().strip())) {
            throw new IllegalArgumentException("This is your own email address — please enter your partner's");
        }
        events.publishEvent(new PartnerInvitationRequested(IntakeId.of(inviter.getId()), address, inviterFirstName,
                publicUrl.link("intake/partner/" + invitationToken)));
    }

    Optional<CoupleCase> openInvitation(String token, Instant now) {
        if (!SecretToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return coupleCases.findByInvitationTokenHash(SecretToken.hash(token))
                .filter(coupleCase -> coupleCase.invitationOpenAt(now))
                .filter(coupleCase -> intakes.countByCoupleCaseId(coupleCase.getId()) < 2);
    }

    /** The client who asked for couples sessions and was given the link (the partner joins by it, second). */
    private boolean invitedThePartner(Intake intake) {
        Long coupleCaseId = intake.getCoupleCaseId();
        return coupleCaseId != null && intake.getRequestedType() == RequestedType.COUPLES
                && intakes.findByCoupleCaseIdOrderBySubmittedAtAsc(coupleCaseId).stream().findFirst()
                        .map(first -> first.getId().equals(intake.getId())).orElse(false);
    }

    private static ClientStatus.Stage stage(IntakeStatus status, ClientAppointments.ClientDiary own) {
        if (status == IntakeStatus.CLOSED) {
            return ClientStatus.Stage.CLOSED;
        }
        if (!own.upcoming().isEmpty()) {
            return ClientStatus.Stage.BOOKED;
        }
        return switch (status) {
            case NEW, AWAITING_PARTNER -> ClientStatus.Stage.RECEIVED;
            case IN_REVIEW -> ClientStatus.Stage.BEING_READ;
            case REFERRED -> ClientStatus.Stage.NEXT_STEP_DECIDED;
            case WAITING -> ClientStatus.Stage.WAITING_LIST;
            case SCHEDULED, IN_THERAPY, CLOSED -> ClientStatus.Stage.NOTHING_BOOKED;
            case ENDED -> ClientStatus.Stage.ENDED;
        };
    }

    /** What the client said is safe; forms from before the question was asked told them email and phone. */
    static Set<String> contactWays(Answers answers) {
        Set<String> ways = new LinkedHashSet<>();
        if (answers.contains(IntakeSubmissions.CONTACT_SAFE)) {
            answers.multi(IntakeSubmissions.CONTACT_SAFE).stream().filter(way -> !way.equals("none"))
                    .forEach(ways::add);
            return ways;
        }
        ways.addAll(List.of("email", "phone"));
        if (answers.multi("about.text_ok").contains("yes")) {
            ways.add("text");
        }
        if (answers.multi("about.voicemail_ok").contains("yes")) {
            ways.add("voicemail");
        }
        return ways;
    }
}
