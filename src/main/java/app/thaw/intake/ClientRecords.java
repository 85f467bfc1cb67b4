package app.thaw.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.security.Roles;

/** Finds a client for a privacy request and tells who they are and what they consented to; nothing clinical. */
@Service
@Transactional(readOnly = true)
public class ClientRecords {

    private final IntakeRepository intakes;
    private final AnswersJson json;

    ClientRecords(IntakeRepository intakes, AnswersJson json) {
        this.intakes = intakes;
        this.json = json;
    }

    /** By reference (THW-XXXXXX) or by email address, newest first; one person may have sent several forms. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public List<ClientIdentity> find(String referenceOrEmail) {
        String query = referenceOrEmail == null ? "" : referenceOrEmail.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        List<Intake> found = query.contains("@") ? intakes.findByEmailIgnoreCaseOrderBySubmittedAtDesc(query)
                : intakes.findByReference(query.toUpperCase(Locale.ROOT)).stream().toList();
        return found.stream().map(this::identity).toList();
    }

    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST})
    public ClientIdentity identity(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE);
        return identity(intakes.findById(grant.intakeId()).orElseThrow());
    }

    private ClientIdentity identity(Intake intake) {
        Answers answers = json.read(intake.getAnswersJson());
        var consent = new ConsentRecord(intake.getPrivacyNoticeVersion(), intake.getConsentedAt(),
                intake.getSubmittedAt(), answers.multi("consent.contact").contains("true"),
                answers.multi("consent.age18").contains("true"));
        Long coupleCaseId = intake.getCoupleCaseId();
        ClientIdentity.Partner partner = coupleCaseId == null ? null
                : intakes.findByCoupleCaseIdOrderBySubmittedAtAsc(coupleCaseId).stream()
                        .filter(other -> !other.getId().equals(intake.getId()))
                        .findFirst()
                        .map(other -> new ClientIdentity.Partner(other.getId(), other.getReference(),
                                other.getFullName(), other.getPreferredName(), other.getEmail(), other.getPhone()))
                        .orElse(null);
        var link = coupleCaseId == null ? ClientIdentity.CoupleLink.NONE
                : partner == null ? ClientIdentity.CoupleLink.INVITED : ClientIdentity.CoupleLink.LINKED;
        return new ClientIdentity(intake.getId(), intake.getReference(), intake.getFullName(),
                intake.getPreferredName(), intake.getDateOfBirth(), intake.getEmail(), intake.getPhone(),
                intake.getStatus(), intake.getRequestedType(), intake.getSubmittedAt(), consent, link, partner);
    }
}
