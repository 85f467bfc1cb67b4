package app.thaw.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.Erased;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.domain.EncryptedColumns;
import app.thaw.security.CurrentUser;
import app.thaw.security.StaffAccountService;

/**
 * Therapists' corrections of an intake's answers, kept beside the submitted answers (which stay untouched), each with
 * its reason, who made it and when; answer and reason are encrypted like the answers themselves.
 */
@Component
class AnswerCorrections {

    private final JdbcTemplate jdbc;
    private final AnswersJson json;
    private final EncryptedColumns.AmendmentAnswer amendmentAnswer;
    private final EncryptedColumns.AmendmentReason amendmentReason;
    private final CurrentUser currentUser;
    private final StaffAccountService staff;
    private final Clock clock;

    AnswerCorrections(JdbcTemplate jdbc, AnswersJson json, EncryptedColumns.AmendmentAnswer amendmentAnswer,
                      EncryptedColumns.AmendmentReason amendmentReason, CurrentUser currentUser,
                      StaffAccountService staff, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.amendmentAnswer = amendmentAnswer;
        this.amendmentReason = amendmentReason;
        this.currentUser = currentUser;
        this.staff = staff;
        this.clock = clock;
    }

    /** Records the signed-in therapist's correction of one answer, already checked like the form checks it. */
    void record(long intakeId, String itemId, List<String> values, String reason) {
        jdbc.update("""
                insert into intake_amendment (intake_id, item_id, answer, reason, amended_by, amended_at)
                values (?, ?, cast(? as jsonb), ?, ?, ?)""", intakeId, itemId,
                amendmentAnswer.encrypt(json.writeValues(values)),
                amendmentReason.convertToDatabaseColumn(reason), currentUser.require().id(),
                Timestamp.from(clock.instant()));
    }

    /** The answers as they stand: each corrected item's latest correction in place of what was submitted. */
    Answers current(long intakeId, Answers submitted) {
        return java.util.Objects.requireNonNull(current(java.util.Map.of(intakeId, submitted)).get(intakeId));
    }

    /** The same for several intakes in one read (a list of waiting cases). */
    java.util.Map<Long, Answers> current(java.util.Map<Long, Answers> submitted) {
        var current = new java.util.HashMap<>(submitted);
        if (!submitted.isEmpty()) {
            jdbc.query("select intake_id, item_id, answer from intake_amendment where intake_id = any(?) "
                    + "order by amended_at, id", rs -> {
                        String item = rs.getString(2);
                        List<String> values = json.readValues(amendmentAnswer.decrypt(rs.getString(3)));
                        // oldest first: each later correction of an item replaces the one before
                        current.computeIfPresent(rs.getLong(1), (id, answers) -> answers.with(item, values));
                    }, (Object) submitted.keySet().toArray(Long[]::new));
        }
        return current;
    }

    /** Corrections to an intake's answers, oldest first. */
    List<Amendment> of(long intakeId) {
        record Row(String itemId, String answer, String reason, long amendedBy, Instant amendedAt) {
        }
        List<Row> rows = jdbc.query("select item_id, answer, reason, amended_by, amended_at from intake_amendment"
                        + " where intake_id = ? order by amended_at, id",
                (rs, row) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant()), intakeId);
        if (rows.isEmpty()) {
            return List.of();
        }
        // only the correctors' names: most intakes have none, and every read (API reads too) passes here
        var names = staff.displayNames(rows.stream().map(Row::amendedBy).collect(Collectors.toSet()));
        return rows.stream().map(r -> new Amendment(r.itemId(), json.readValues(amendmentAnswer.decrypt(r.answer())),
                Erased.orMarker(amendmentReason.convertToEntityAttribute(r.reason())),
                names.getOrDefault(r.amendedBy(), "Former staff member"), r.amendedAt())).toList();
    }
}
