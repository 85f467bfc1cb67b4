package app.thaw.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditEntry;
import app.thaw.audit.AuditLog;
import app.thaw.base.PracticeProfile;
import app.thaw.intake.Amendment;
import app.thaw.intake.ClientIdentity;
import app.thaw.intake.ClientRecords;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.intake.questionnaire.AnswerText;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;
import app.thaw.notification.Outbox;
import app.thaw.outcomes.MeasureHistory;
import app.thaw.review.CaseRecord;
import app.thaw.review.CaseRecords;
import app.thaw.scheduling.ClientSessionRecord;
import app.thaw.scheduling.ClientSessionRecords;
import app.thaw.security.CurrentUser;
import app.thaw.privacy.SubjectAccessExport.AccessLine;

/**
 * Gathers one client's records from every feature into a {@link SubjectAccessExport}. For one of a couple,
 * nothing of the partner's own record is read (their answers, scores, notes, sessions they hold alone) and
 * the partner's name, contacts and reference are replaced by "[partner]" wherever the client's records hold
 * them. Notes count as joint, and so are left out, when written on the partner's intake: the client's own
 * notes stay, with the partner's name hidden.
 */
@Component
class SubjectAccessAssembler {

    private static final String OWN_PARTNER_FEAR = "partner_fear";

    private final ClientRecords clients;
    private final SubmittedIntakes intakes;
    private final CaseRecords cases;
    private final ClientSessionRecords sessions;
    private final Outbox outbox;
    private final MeasureHistory measures;
    private final AuditLog auditLog;
    private final PracticeProfile practice;
    private final CurrentUser currentUser;
    private final Clock clock;

    SubjectAccessAssembler(ClientRecords clients, SubmittedIntakes intakes, CaseRecords cases,
                           ClientSessionRecords sessions, Outbox outbox, MeasureHistory measures, AuditLog auditLog,
                           PracticeProfile practice, CurrentUser currentUser, Clock clock) {
        this.measures = measures;
        this.clients = clients;
        this.intakes = intakes;
        this.cases = cases;
        this.sessions = sessions;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.practice = practice;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    SubjectAccessExport assemble(CaseGrant grant, ClientIdentity identity) {
        return assemble(grant, identity, true);
    }

    /**
     * As the client gets it; {@code withEmails} false leaves out the emails the practice sent them (names, times and
     * places only; the outbox is the practice manager's), for the clinician's review on screen.
     */
    SubjectAccessExport assemble(CaseGrant grant, ClientIdentity identity, boolean withEmails) {
        long intakeId = identity.intakeId();
        SubmittedIntake intake = intakes.forSubjectAccess(grant);
        ClientIdentity.Partner partner = identity.partner();
        PartnerRedaction redact = partner == null ? PartnerRedaction.none()
                : PartnerRedaction.of(partner.fullName(), partner.preferredName(), partner.email(), partner.phone(),
                        partner.reference());
        CaseRecord record = cases.forSubjectAccess(grant);
        var leftOut = new ArrayList<String>();
        if (identity.coupleLink() != ClientIdentity.CoupleLink.NONE) {
            leftOut.add("Your partner's own form, answers and scores, and the comparison of your answers with "
                    + "theirs, are not included: they are your partner's personal data.");
            leftOut.add("Notes and decisions recorded on your partner's form are not included. Notes on your own "
                    + "form are included in full.");
            leftOut.add("Wherever your records mention your partner's name, email address, phone number or "
                    + "reference, it is shown as " + SubjectAccessExport.PARTNER + ".");
        }
        boolean ownFear = intake.hasRiskFlag(OWN_PARTNER_FEAR);
        var referrals = record.referrals().stream().map(r -> {
            String joint = r.partnerFearDecision();
            if (joint != null && !ownFear) {
                // recorded because of what the partner disclosed: telling the client could put the partner at risk
                joint = "[withheld: this concerns information from your partner]";
                if (!leftOut.contains(WITHHELD_JOINT)) {
                    leftOut.add(WITHHELD_JOINT);
                }
            }
            return new SubjectAccessExport.Referral(r.kind().label(), redact.apply(r.reason()),
                    ownFear ? redact.apply(joint) : joint, r.decidedBy(), r.decidedAt());
        }).toList();
        var state = record.state();
        return new SubjectAccessExport(SubjectAccessExport.FORMAT, SubjectAccessExport.FORMAT_VERSION,
                clock.instant(), currentUser.require().displayName(), practice.name(),
                new SubjectAccessExport.Client(identity.reference(), identity.fullName(), identity.preferredName(),
                        identity.dateOfBirth(), identity.email(), identity.phone(), identity.status().label(),
                        identity.requestedType().label(), identity.submittedAt()),
                new SubjectAccessExport.Consent(identity.consent().privacyNoticeVersion(),
                        identity.consent().acceptedAt(), identity.consent().formSentAt(),
                        identity.consent().contactConsent(), identity.consent().adultConfirmed()),
                new SubjectAccessExport.Couple(identity.coupleLink().label(),
                        identity.coupleLink() == ClientIdentity.CoupleLink.NONE ? null : SubjectAccessExport.PARTNER),
                new SubjectAccessExport.Questionnaire(intake.questionnaire().id(), intake.questionnaire().version(),
                        intake.questionnaire().title()),
                answers(intake, redact),
                intake.scores().stream().map(s -> new SubjectAccessExport.ScoreLine(s.id(), s.label(), s.total(),
                        s.max(), s.band(), s.complete())).toList(),
                redact.apply(intake.riskFlags().stream().map(f -> f.description()).toList()),
                new SubjectAccessExport.Review(state.assigneeName(), state.riskAcknowledgedAt(),
                        state.riskAcknowledgedBy(), redact.apply(state.riskAcknowledgementNote())),
                record.factors().stream().map(f -> new SubjectAccessExport.Factor(f.label(), f.suggested(),
                        redact.apply(f.reasons()), f.decisions().stream()
                                .map(d -> new SubjectAccessExport.FactorDecision(
                                        d.decision().name().toLowerCase(Locale.ROOT), d.decidedBy(), d.decidedAt()))
                                .toList())).toList(),
                referrals,
                record.notes().stream().map(n -> new SubjectAccessExport.Note(n.author(), n.createdAt(),
                        redact.apply(n.body()))).toList(),
                sessions.forSubjectAccess(grant).stream().map(s -> session(s, redact)).toList(),
                measures.forSubjectAccess(grant).stream().map(SubjectAccessAssembler::measure).toList(),
                statusHistory(grant, redact),
                !withEmails ? List.of() : outbox.sentTo(identity.email()).stream()
                        .map(e -> new SubjectAccessExport.Email(e.kind().label(), redact.apply(e.subject()),
                                redact.apply(e.body()), e.status().label(), e.createdAt(), e.sentAt())).toList(),
                accessLog(grant, redact),
                List.copyOf(leftOut));
    }

    private static final String WITHHELD_JOINT = "A clinical decision about joint sessions that rests on "
            + "information from your partner is withheld.";

    /** Every answered question in the order asked, with the wording of the questionnaire version answered. */
    private static List<SubjectAccessExport.Answer> answers(SubmittedIntake intake, PartnerRedaction redact) {
        QuestionnaireDefinition definition = intake.questionnaire();
        var answers = new ArrayList<SubjectAccessExport.Answer>();
        for (Section section : definition.sections()) {
            for (Item item : section.items()) {
                List<Amendment> corrections = intake.amendments().stream()
                        .filter(a -> a.itemId().equals(item.id())).toList();
                if (!intake.answers().isAnswered(item.id()) && corrections.isEmpty()) {
                    continue;
                }
                List<String> values = intake.answers().multi(item.id());
                String stem = definition.stemFor(item);
                answers.add(new SubjectAccessExport.Answer(section.title(), item.id(),
                        stem == null ? item.text() : stem + " " + item.text(),
                        redact.apply(AnswerText.describe(definition, item, values)), redact.apply(values),
                        corrections.stream().map(a -> new SubjectAccessExport.Correction(
                                redact.apply(AnswerText.describe(definition, item, a.values())),
                                redact.apply(a.values()), redact.apply(a.reason()), a.amendedBy(), a.amendedAt()))
                                .toList()));
            }
        }
        return answers;
    }

    /** Choices only (the measures take no typed text), so nothing of the partner's can be in them to hide. */
    private static SubjectAccessExport.MeasureSet measure(MeasureHistory.AnsweredMeasure m) {
        return new SubjectAccessExport.MeasureSet(m.answeredAt(), m.occasion(), m.label(), m.score(),
                m.score() == null ? null : m.max(), m.answers().stream()
                        .map(a -> new SubjectAccessExport.MeasureAnswer(a.question(), a.answer())).toList());
    }

    private static SubjectAccessExport.Session session(ClientSessionRecord record, PartnerRedaction redact) {
        var s = record.session();
        return new SubjectAccessExport.Session(s.start().toInstant(), s.end().toInstant(), s.typeLabel(),
                s.format().label(), s.roomName(), s.therapistName(), s.partnerIntakeId() != null, s.state().label(),
                record.bookedAt(), record.cancelledAt(), record.cancelledByClient(),
                redact.apply(record.cancelReason()),
                record.requests().stream().map(r -> new SubjectAccessExport.SessionRequest(
                        r.cancel() ? "Cancel" : "Rearrange", redact.apply(r.message()), r.sentAt(), r.handled()))
                        .toList(), redact.apply(record.sessionNote()));
    }

    private List<SubjectAccessExport.StatusChange> statusHistory(CaseGrant grant, PartnerRedaction redact) {
        return auditLog.entriesForCase(grant).reversed().stream()
                .filter(e -> e.action() == AuditAction.STATUS_CHANGED || e.action() == AuditAction.INTAKE_SUBMITTED)
                .map(e -> new SubjectAccessExport.StatusChange(e.occurredAt(), e.actorName(),
                        e.action() == AuditAction.INTAKE_SUBMITTED ? "Form received"
                                : redact.apply(statusWords(e.detail()))))
                .toList();
    }

    private List<AccessLine> accessLog(CaseGrant grant, PartnerRedaction redact) {
        return auditLog.entriesForCase(grant).reversed().stream()
                .map((AuditEntry e) -> new AccessLine(e.occurredAt(), e.actorName(), e.action().label(),
                        redact.apply(e.readableDetail())))
                .toList();
    }

    /** "IN_REVIEW → REFERRED" as "From In review to Referred". */
    static String statusWords(@org.jspecify.annotations.Nullable String detail) {
        if (detail == null) {
            return "";
        }
        String words = detail;
        for (IntakeStatus status : IntakeStatus.values()) {
            words = words.replace(status.name(), status.label());
        }
        int arrow = words.indexOf(" → ");
        return arrow < 0 ? words : "From " + words.substring(0, arrow) + " to " + words.substring(arrow + 3);
    }
}
