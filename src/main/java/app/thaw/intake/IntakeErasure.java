package app.thaw.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.base.domain.Erased;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.domain.EncryptedColumns;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.security.Roles;

/**
 * Anonymises one client's intake for the erasure path: identifying fields and typed answers become the marker,
 * choice answers and scores stay for the practice's statistics. Runs inside the caller's erasure transaction,
 * which has switched the database's immutability triggers to let exactly this through.
 */
@Service
public class IntakeErasure {

    private final IntakeRepository intakes;
    private final QuestionnaireCatalog questionnaires;
    private final AnswersJson json;
    private final JdbcTemplate jdbc;
    private final EncryptedColumns.IntakeAnswers storedAnswers;
    private final EncryptedColumns.AmendmentAnswer storedAmendment;
    private final Clock clock;

    IntakeErasure(IntakeRepository intakes, QuestionnaireCatalog questionnaires, AnswersJson json,
                  JdbcTemplate jdbc, EncryptedColumns.IntakeAnswers storedAnswers,
                  EncryptedColumns.AmendmentAnswer storedAmendment, Clock clock) {
        this.intakes = intakes;
        this.questionnaires = questionnaires;
        this.json = json;
        this.jdbc = jdbc;
        this.storedAnswers = storedAnswers;
        this.storedAmendment = storedAmendment;
        this.clock = clock;
    }

    /** Locks the intake row so an erasure and a legal hold on the same client happen one after the other. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public Optional<ErasureSubject> lock(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE, CaseOperation.MANAGE_PRIVACY).intakeId();
        List<Long> locked = jdbc.queryForList("select id from intake where id = ? for update", Long.class, intakeId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        return intakes.findById(intakeId).map(intake -> new ErasureSubject(intake.getId(), intake.getReference(),
                intake.getEmail(), intake.getCoupleCaseId(), intake.getFullName(), intake.getPhone()));
    }

    /**
     * The addresses the client gave before their current one (on the form, or in a correction since): emails sent
     * there are theirs to erase too. Read before {@link #eraseIdentity} replaces them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public List<String> earlierEmails(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        Intake intake = intakes.findById(intakeId).orElseThrow();
        var addresses = new java.util.LinkedHashSet<String>();
        json.read(intake.getAnswersJson()).single("about.email").ifPresent(addresses::add);
        jdbc.queryForList("select answer from intake_amendment where intake_id = ? and item_id = 'about.email'",
                String.class, intakeId).forEach(answer -> addresses.addAll(json.readValues(
                        storedAmendment.decrypt(answer))));
        return addresses.stream().map(String::strip)
                .filter(address -> !address.equalsIgnoreCase(intake.getEmail()) && !Erased.MARKER.equals(address))
                .toList();
    }

    /** Replaces every identifying field and typed answer of the intake (and its corrections) with the marker. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public void eraseIdentity(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.ERASE).intakeId();
        Intake intake = intakes.findById(intakeId).orElseThrow();
        QuestionnaireDefinition definition = questionnaires.find(intake.getQuestionnaireId(),
                intake.getQuestionnaireVersion()).orElse(null);
        String answers = storedAnswers.convertToDatabaseColumn(
                json.write(keepOnlyChoices(json.read(intake.getAnswersJson()), definition)));
        // written as the submission wrote it (AnswersJson, then encrypted), so answers keep one storage format
        jdbc.update("""
                update intake set answers = cast(? as jsonb), full_name = ?, preferred_name = null, email = ?,
                       phone = ?, date_of_birth = null, status_token_hash = ?, version = version + 1
                 where id = ?""", answers, Erased.MARKER, Erased.MARKER, Erased.MARKER,
                SecretToken.hash(SecretToken.generate()), intakeId);
        jdbc.update("delete from client_status_link where intake_id = ?", intakeId);
        eraseAmendments(intakeId, definition);
        jdbc.update("delete from intake_draft where submitted_intake_id = ?", intakeId);
        if (intake.getCoupleCaseId() != null && intakes.countByCoupleCaseId(intake.getCoupleCaseId()) < 2) {
            // a partner who hasn't come yet must not join a case whose first client was erased
            jdbc.update("update couple_case set invitation_expires_at = least(invitation_expires_at, ?) where id = ?",
                    Timestamp.from(clock.instant()), intake.getCoupleCaseId());
        }
    }

    private void eraseAmendments(long intakeId, @Nullable QuestionnaireDefinition definition) {
        String marked = storedAmendment.encrypt(json.writeValues(List.of(Erased.MARKER)));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, item_id from intake_amendment where intake_id = ?", intakeId);
        for (Map<String, Object> row : rows) {
            long id = ((Number) Objects.requireNonNull(row.get("id"), "id is the key")).longValue();
            if (isTyped(definition, (String) Objects.requireNonNull(row.get("item_id"), "item_id is not null"))) {
                jdbc.update("update intake_amendment set answer = cast(? as jsonb), reason = null where id = ?",
                        marked, id);
            } else {
                jdbc.update("update intake_amendment set reason = null where id = ?", id);
            }
        }
    }

    /** Choices, scales and consents are statistics; anything typed (or unknown) identifies or tells a story. */
    static Answers keepOnlyChoices(Answers answers, @Nullable QuestionnaireDefinition definition) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        answers.asMap().forEach((itemId, values) ->
                kept.put(itemId, isTyped(definition, itemId) ? List.of(Erased.MARKER) : values));
        return Answers.of(kept);
    }

    private static boolean isTyped(@Nullable QuestionnaireDefinition definition, String itemId) {
        if (definition == null) {
            return true;
        }
        ItemKind kind = definition.item(itemId).map(Item::kind).orElse(null);
        return kind == null || kind.isText() || kind == ItemKind.DATE;
    }
}
