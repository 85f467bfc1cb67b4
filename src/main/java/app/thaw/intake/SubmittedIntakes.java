package app.thaw.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.domain.EncryptedColumns;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.domain.IntakeRepository;
import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.security.Roles;

/**
 * Submitted intakes for the practice side. Every method takes the grant the case-access policy gave for that intake,
 * so nothing here can be reached with a bare id: which operation the grant is for decides what it may read.
 * Corrections of answers are kept by {@link AnswerCorrections}.
 */
@Service
@Transactional(readOnly = true)
public class SubmittedIntakes {

    private static final String SUBMITTED = """
            select id, reference, full_name, preferred_name, date_of_birth, email, phone, status, requested_type,
                   urgent, questionnaire_id, questionnaire_version, answers, scores, risk_flags, couple_case_id,
                   submitted_at
              from intake where id = ?""";

    private final IntakeRepository intakes;
    private final QuestionnaireCatalog questionnaires;
    private final AnswersJson json;
    private final JdbcTemplate jdbc;
    private final AnswerCorrections corrections;
    private final Clock clock;
    private final EntityManager entityManager;
    private final EncryptedColumns.IntakeAnswers answersColumn;
    private final ContactColumns contactColumns;

    SubmittedIntakes(IntakeRepository intakes, QuestionnaireCatalog questionnaires, AnswersJson json,
                     JdbcTemplate jdbc, AnswerCorrections corrections, Clock clock, EntityManager entityManager,
                     EncryptedColumns.IntakeAnswers answersColumn, ContactColumns contactColumns) {
        this.contactColumns = contactColumns;
        this.entityManager = entityManager;
        this.answersColumn = answersColumn;
        this.intakes = intakes;
        this.questionnaires = questionnaires;
        this.json = json;
        this.jdbc = jdbc;
        this.corrections = corrections;
        this.clock = clock;
    }

    /**
     * The whole intake, answers and scores: clinical content for the therapists the policy allows (and the system, and
     * another clinical system through the FHIR API).
     */
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM, Roles.API_CLIENT})
    public SubmittedIntake find(CaseGrant grant) {
        grant.requireFor(CaseOperation.READ_CLINICAL, CaseOperation.CHANGE_CLINICAL, CaseOperation.DOWNLOAD_LETTER,
                CaseOperation.REVIEW_DISCLOSURE, CaseOperation.READ_VIA_API);
        // one row read as it is shown: no entity to keep a snapshot of and check for changes at commit
        SubmittedIntake read = jdbc.query(SUBMITTED, (rs, row) -> {
            var definition = definition(rs.getString("questionnaire_id"), rs.getInt("questionnaire_version"));
            long couple = rs.getLong("couple_case_id");
            Long coupleCaseId = rs.wasNull() ? null : couple;
            java.sql.Date born = rs.getDate("date_of_birth");
            return new SubmittedIntake(rs.getLong("id"), rs.getString("reference"), rs.getString("full_name"),
                    rs.getString("preferred_name"), born == null ? null : born.toLocalDate(), rs.getString("email"),
                    rs.getString("phone"), IntakeStatus.valueOf(rs.getString("status")),
                    RequestedType.valueOf(rs.getString("requested_type")), rs.getBoolean("urgent"), definition,
                    json.read(answersColumn.convertToEntityAttribute(rs.getString("answers"))),
                    json.readScores(rs.getString("scores")), json.readRiskFlags(rs.getString("risk_flags")),
                    coupleCaseId, rs.getTimestamp("submitted_at").toInstant(), List.of());
        }, grant.intakeId()).stream().findFirst().orElseThrow();
        return read.withAmendments(corrections.of(read.id()));
    }

    /**
     * The whole intake for a client's subject access request: the practice manager produces the export as a
     * data-protection task without reading it on screen, the clinician reviews it before release.
     */
    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST})
    public SubmittedIntake forSubjectAccess(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE);
        return toSubmitted(intakes.findById(grant.intakeId()).orElseThrow());
    }

    /**
     * Names and addresses of several clients in one read, without loading (and decrypting) their answers: what
     * the diary and its emails show.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public Map<Long, ClientName> names(Collection<CaseGrant> grants) {
        if (grants.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, ClientName>();
        // no address for a client who said email isn't safe: no booking, change or reminder email can reach them
        jdbc.query("select id, reference, full_name, preferred_name, case when email_safe then email end"
                        + " from intake where " + oneOrAny(grants),
                rs -> {
                    names.put(rs.getLong(1), new ClientName(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }, idsArgument(grants));
        return names;
    }

    // One client (every individual booking) is a plain equality: PostgreSQL then reuses one plan, where an array
    // makes it plan again on each call, weighing every index of intake (0.17 ms a booking at 1 M intakes).
    private static String oneOrAny(Collection<CaseGrant> grants) {
        return grants.size() == 1 ? "id = ?" : "id = any(?)";
    }

    private static Object idsArgument(Collection<CaseGrant> grants) {
        return grants.size() == 1 ? grants.iterator().next().intakeId()
                : grants.stream().map(CaseGrant::intakeId).toArray(Long[]::new);
    }

    /**
     * Which of these clients said email is safe for them (the form's contact-safety answer): the only ones whose
     * private links may go by email. Nothing clinical.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public java.util.Set<Long> emailSafe(Collection<CaseGrant> grants) {
        var safe = new java.util.HashSet<Long>();
        if (!grants.isEmpty()) {
            jdbc.query("select id from intake where " + oneOrAny(grants) + " and email_safe",
                    rs -> {
                        safe.add(rs.getLong(1));
                    }, idsArgument(grants));
        }
        return safe;
    }

    /**
     * Records a correction of one answer (checked like the form checks it); the submitted answers stay
     * untouched. Returns the message for the field when the new answer isn't valid.
     */
    @Transactional
    @RolesAllowed(Roles.THERAPIST)
    public Optional<String> amend(CaseGrant grant, String itemId, List<String> values, String reason) {
        grant.requireFor(CaseOperation.CHANGE_CLINICAL);
        SubmittedIntake intake = find(grant);
        var item = intake.questionnaire().item(itemId)
                .orElseThrow(() -> new IllegalArgumentException("That question isn't in this intake."));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > Amendment.REASON_MAX || !StorableText.isStorable(why)) {
            return Optional.of("Please say why the answer is corrected (up to " + Amendment.REASON_MAX
                    + " characters).");
        }
        var corrected = intake.answers().with(itemId, values);
        Optional<String> problem = AnswerValidator.validateItem(intake.questionnaire(), item, corrected,
                LocalDate.now(clock));
        if (problem.isPresent()) {
            return problem;
        }
        corrections.record(grant.intakeId(), itemId, corrected.multi(itemId), why);
        contactColumns.follow(grant.intakeId(), intake.questionnaire(), itemId, corrected);
        Intake loaded = loadedIntake(grant.intakeId());
        if (loaded != null) {
            // its columns were just written around it: a later flush must not put the old ones back
            entityManager.refresh(loaded);
        }
        return Optional.empty();
    }

    /**
     * Shows the status that follows from the case's events (the course of care decides it, never a person); returns
     * the one shown before. Whoever recorded the event holds a grant for it: booking, changing, reviewing.
     */
    @Transactional
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public IntakeStatus projectStatus(CaseGrant grant, IntakeStatus status) {
        grant.requireFor(CaseOperation.READ_CLINICAL, CaseOperation.CHANGE_CLINICAL, CaseOperation.BOOK_SESSION,
                CaseOperation.CHANGE_SESSION, CaseOperation.ASSIGN, CaseOperation.READ_BOOKING_DETAILS);
        Intake loaded = loadedIntake(grant.intakeId());
        if (loaded != null) {
            // the caller holds the intake already (a form arriving): change it there, or its flush would undo ours
            IntakeStatus before = loaded.getStatus();
            if (before != status) {
                loaded.changeStatus(status, clock.instant());
            }
            return before;
        }
        // only the status, read and changed in one statement: loading the intake would decrypt and parse every
        // answer (a booking's cost, issue 20); no row back means it already showed this status, and then the row is
        // neither locked nor written (most bookings are for a case already shown as scheduled)
        List<String> changedFrom = jdbc.queryForList("""
                update intake set status = ?, closed_at = ?
                 where id = ? and status <> ?
                returning old.status""", String.class, status.name(),
                status == IntakeStatus.CLOSED ? Timestamp.from(clock.instant()) : null, grant.intakeId(),
                status.name());
        return changedFrom.isEmpty() ? status : IntakeStatus.valueOf(changedFrom.getFirst());
    }

    /** The intake if this transaction's persistence context holds it already, without loading it. */
    private @org.jspecify.annotations.Nullable Intake loadedIntake(long intakeId) {
        var session = entityManager.unwrap(org.hibernate.engine.spi.SharedSessionContractImplementor.class);
        var persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Intake.class);
        Object held = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(intakeId,
                persister));
        return held instanceof Intake intake ? intake : null;
    }

    /**
     * Ids of intakes sent in a time range (and of one questionnaire, or one version of it), in id order after
     * {@code afterId}: a page of candidates for another system's search, each of which the caller then puts through
     * the case-access policy. Reveals only that some intakes exist.
     */
    @RolesAllowed(Roles.API_CLIENT)
    public List<Long> submittedIds(@org.jspecify.annotations.Nullable String questionnaireId,
                                   @org.jspecify.annotations.Nullable Integer version,
                                   java.time.@org.jspecify.annotations.Nullable Instant from,
                                   java.time.@org.jspecify.annotations.Nullable Instant until, long afterId, int limit) {
        var sql = new StringBuilder("select id from intake where id > ?");
        var args = new java.util.ArrayList<Object>(List.of(afterId));
        if (questionnaireId != null) {
            sql.append(" and questionnaire_id = ?");
            args.add(questionnaireId);
        }
        if (version != null) {
            sql.append(" and questionnaire_version = ?");
            args.add(version);
        }
        if (from != null) {
            sql.append(" and submitted_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (until != null) {
            sql.append(" and submitted_at < ?");
            args.add(Timestamp.from(until));
        }
        sql.append(" order by id limit ?");
        args.add(Math.clamp(limit, 1, 1000));
        return jdbc.queryForList(sql.toString(), Long.class, args.toArray());
    }

    /**
     * Only the corrections of an intake's answers, oldest first: what a case already on screen reads again after a
     * correction, without reading (and decrypting) the answers themselves.
     */
    @RolesAllowed(Roles.THERAPIST)
    public List<Amendment> amendments(CaseGrant grant) {
        grant.requireFor(CaseOperation.READ_CLINICAL, CaseOperation.CHANGE_CLINICAL);
        return corrections.of(grant.intakeId());
    }

    private QuestionnaireDefinition definition(String questionnaireId, int version) {
        return questionnaires.find(questionnaireId, version).orElseThrow(() -> new IllegalStateException(
                "Questionnaire " + questionnaireId + " v" + version + " is no longer loaded"));
    }

    private SubmittedIntake toSubmitted(Intake intake) {
        var definition = definition(intake.getQuestionnaireId(), intake.getQuestionnaireVersion());
        return new SubmittedIntake(intake.getId(), intake.getReference(), intake.getFullName(),
                intake.getPreferredName(), intake.getDateOfBirth(), intake.getEmail(), intake.getPhone(),
                intake.getStatus(), intake.getRequestedType(), intake.isUrgent(), definition,
                json.read(intake.getAnswersJson()), json.readScores(intake.getScoresJson()),
                json.readRiskFlags(intake.getRiskFlagsJson()), intake.getCoupleCaseId(), intake.getSubmittedAt(),
                corrections.of(intake.getId()));
    }
}
