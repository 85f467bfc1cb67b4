package app.thaw.intake;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.security.Roles;

/**
 * Submitted intakes for the practice side. Reading answers is for therapists (and the system acting for
 * them); which therapist may read which case is decided by the review feature before it calls this.
 */
@Service
@Transactional(readOnly = true)
public class SubmittedIntakes {

    private final IntakeRepository intakes;
    private final QuestionnaireCatalog questionnaires;
    private final AnswersJson json;

    SubmittedIntakes(IntakeRepository intakes, QuestionnaireCatalog questionnaires, AnswersJson json) {
        this.intakes = intakes;
        this.questionnaires = questionnaires;
        this.json = json;
    }

    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public Optional<SubmittedIntake> find(long intakeId) {
        return intakes.findById(intakeId).map(this::toSubmitted);
    }

    /** Contact details and stated availability: booking needs these, and they hold nothing clinical. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public Optional<ClientContact> contact(long intakeId) {
        return intakes.findById(intakeId).map(intake -> {
            var answers = json.read(intake.getAnswersJson());
            return new ClientContact(intake.getId(), intake.getReference(), intake.getFullName(),
                    intake.getPreferredName(), intake.getEmail(), intake.getPhone(), intake.getRequestedType(),
                    intake.getCoupleCaseId(), answers.multi("preferences.days"), answers.multi("preferences.times"),
                    answers.single("preferences.format").orElse(null));
        });
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public Optional<Long> idOfReference(String reference) {
        return intakes.findByReference(reference.strip().toUpperCase(java.util.Locale.ROOT)).map(Intake::getId);
    }

    /** Both partners' intake ids of a couple case, first to arrive first. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public List<Long> coupleMembers(long coupleCaseId) {
        return intakes.findByCoupleCaseIdOrderBySubmittedAtAsc(coupleCaseId).stream().map(Intake::getId).toList();
    }

    @Transactional
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public void changeStatus(long intakeId, IntakeStatus status) {
        intakes.findById(intakeId).orElseThrow().changeStatus(status);
    }

    private SubmittedIntake toSubmitted(Intake intake) {
        var definition = questionnaires.find(intake.getQuestionnaireId(), intake.getQuestionnaireVersion())
                .orElseThrow(() -> new IllegalStateException("Questionnaire " + intake.getQuestionnaireId() + " v"
                        + intake.getQuestionnaireVersion() + " is no longer loaded"));
        return new SubmittedIntake(intake.getId(), intake.getReference(), intake.getFullName(),
                intake.getPreferredName(), intake.getDateOfBirth(), intake.getEmail(), intake.getPhone(),
                intake.getStatus(), intake.getRequestedType(), intake.isUrgent(), definition,
                json.read(intake.getAnswersJson()), json.readScores(intake.getScoresJson()),
                json.readRiskFlags(intake.getRiskFlagsJson()), intake.getCoupleCaseId(), intake.getSubmittedAt());
    }
}
