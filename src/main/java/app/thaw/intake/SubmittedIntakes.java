package app.thaw.intake;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.StorableText;
import app.thaw.intake.domain.EncryptedColumns;
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

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final app.thaw.security.CurrentUser currentUser;
    private final app.thaw.security.StaffAccountService staff;
    private final java.time.Clock clock;
    private final EncryptedColumns.AmendmentAnswer amendmentAnswer;
    private final EncryptedColumns.AmendmentReason amendmentReason;

    SubmittedIntakes(IntakeRepository intakes, QuestionnaireCatalog questionnaires, AnswersJson json,
                     org.springframework.jdbc.core.JdbcTemplate jdbc, app.thaw.security.CurrentUser currentUser,
                     app.thaw.security.StaffAccountService staff, java.time.Clock clock,
                     EncryptedColumns.AmendmentAnswer amendmentAnswer, EncryptedColumns.AmendmentReason amendmentReason) {
        this.amendmentAnswer = amendmentAnswer;
        this.amendmentReason = amendmentReason;
        this.intakes = intakes;
        this.questionnaires = questionnaires;
        this.json = json;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.staff = staff;
        this.clock = clock;
    }

    /** Corrections to an intake's answers, oldest first. */
    private List<Amendment> amendments(long intakeId) {
        var names = staff.displayNames();
        return jdbc.query("select * from intake_amendment where intake_id = ? order by amended_at, id",
                (rs, row) -> new Amendment(rs.getString("item_id"),
                        json.readValues(amendmentAnswer.decrypt(rs.getString("answer"))),
                        app.thaw.base.domain.Erased.orMarker(
                                amendmentReason.convertToEntityAttribute(rs.getString("reason"))),
                        names.getOrDefault(rs.getLong("amended_by"), "Former staff member"),
                        rs.getTimestamp("amended_at").toInstant()), intakeId);
    }

    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public Optional<SubmittedIntake> find(long intakeId) {
        return intakes.findById(intakeId).map(this::toSubmitted);
    }

    /**
     * The whole intake for a client's subject access request. The practice manager produces the export as a
     * data-protection task and downloads it without reading it on screen; the caller audits every use.
     */
    @RolesAllowed(Roles.ADMIN)
    public Optional<SubmittedIntake> forSubjectAccess(long intakeId) {
        return intakes.findById(intakeId).map(this::toSubmitted);
    }

    /**
     * Names and addresses of several clients in one read, without loading (and decrypting) their answers: what
     * the diary and its emails show. Unknown ids are left out.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public java.util.Map<Long, ClientName> names(java.util.Collection<Long> intakeIds) {
        if (intakeIds.isEmpty()) {
            return java.util.Map.of();
        }
        var names = new java.util.HashMap<Long, ClientName>();
        // no address for a client who said email isn't safe: no booking, change or reminder email can reach them
        jdbc.query("select id, reference, full_name, preferred_name, case when email_safe then email end"
                        + " from intake where id = any(?)",
                rs -> {
                    names.put(rs.getLong(1), new ClientName(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }, (Object) intakeIds.toArray(Long[]::new));
        return names;
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

    /** Whether the intake's answers raised a risk flag, without loading them. */
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public boolean isUrgent(long intakeId) {
        return intakes.findById(intakeId).map(Intake::isUrgent).orElse(false);
    }

    /** The reference alone, for audit lines and messages, without loading answers. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public Optional<String> referenceOf(long intakeId) {
        return intakes.findById(intakeId).map(Intake::getReference);
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public Optional<Long> idOfReference(String reference) {
        // a typed or forged reference (a NUL, a megabyte) must find nothing, not fail in the database
        String wanted = reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT);
        if (wanted.isEmpty() || wanted.length() > Intake.REFERENCE_MAX || !StorableText.isStorable(wanted)) {
            return Optional.empty();
        }
        return intakes.findByReference(wanted).map(Intake::getId);
    }

    /** Both partners' intake ids of a couple case, first to arrive first. */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public List<Long> coupleMembers(long coupleCaseId) {
        return intakes.findByCoupleCaseIdOrderBySubmittedAtAsc(coupleCaseId).stream().map(Intake::getId).toList();
    }

    /**
     * Records a correction of one answer (checked like the form checks it); the submitted answers stay
     * untouched. Returns the message for the field when the new answer isn't valid.
     */
    @Transactional
    @RolesAllowed(Roles.THERAPIST)
    public Optional<String> amend(long intakeId, String itemId, List<String> values, String reason) {
        SubmittedIntake intake = find(intakeId).orElseThrow();
        var item = intake.questionnaire().item(itemId)
                .orElseThrow(() -> new IllegalArgumentException("That question isn't in this intake."));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > Amendment.REASON_MAX || !StorableText.isStorable(why)) {
            return Optional.of("Please say why the answer is corrected (up to " + Amendment.REASON_MAX
                    + " characters).");
        }
        var corrected = intake.answers().with(itemId, values);
        Optional<String> problem = app.thaw.intake.questionnaire.AnswerValidator.validateItem(intake.questionnaire(),
                item, corrected, java.time.LocalDate.now(clock));
        if (problem.isPresent()) {
            return problem;
        }
        jdbc.update("""
                insert into intake_amendment (intake_id, item_id, answer, reason, amended_by, amended_at)
                values (?, ?, cast(? as jsonb), ?, ?, ?)""", intakeId, itemId,
                amendmentAnswer.encrypt(json.writeValues(corrected.multi(itemId))),
                amendmentReason.convertToDatabaseColumn(why), currentUser.require().id(),
                java.sql.Timestamp.from(clock.instant()));
        return Optional.empty();
    }

    @Transactional
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM})
    public void changeStatus(long intakeId, IntakeStatus status) {
        intakes.findById(intakeId).orElseThrow().changeStatus(status, clock.instant());
    }

    private SubmittedIntake toSubmitted(Intake intake) {
        var definition = questionnaires.find(intake.getQuestionnaireId(), intake.getQuestionnaireVersion())
                .orElseThrow(() -> new IllegalStateException("Questionnaire " + intake.getQuestionnaireId() + " v"
                        + intake.getQuestionnaireVersion() + " is no longer loaded"));
        return new SubmittedIntake(intake.getId(), intake.getReference(), intake.getFullName(),
                intake.getPreferredName(), intake.getDateOfBirth(), intake.getEmail(), intake.getPhone(),
                intake.getStatus(), intake.getRequestedType(), intake.isUrgent(), definition,
                json.read(intake.getAnswersJson()), json.readScores(intake.getScoresJson()),
                json.readRiskFlags(intake.getRiskFlagsJson()), intake.getCoupleCaseId(), intake.getSubmittedAt(),
                amendments(intake.getId()));
    }
}
