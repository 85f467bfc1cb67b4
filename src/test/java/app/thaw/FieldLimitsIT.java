package app.thaw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.intake.domain.Intake;
import app.thaw.intake.questionnaire.FieldLimits;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.WorkingException;
import app.thaw.security.domain.RecoveryCode;
import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffSecondFactor;

/** Each field limit lives once in Java; the migrations must say the same, or a valid form could fail to save. */
@IntegrationTest
class FieldLimitsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyColumnLengthMatchesTheLimitTheFormsAndEntitiesUse() {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("intake.full_name", FieldLimits.TEXT),
                Map.entry("intake.preferred_name", FieldLimits.TEXT),
                Map.entry("intake.email", FieldLimits.EMAIL),
                Map.entry("intake.phone", FieldLimits.PHONE),
                Map.entry("intake.reference", Intake.REFERENCE_MAX),
                Map.entry("intake.questionnaire_id", FieldLimits.ID),
                Map.entry("intake_amendment.item_id", FieldLimits.ID),
                Map.entry("staff_account.username", StaffAccount.USERNAME_MAX),
                Map.entry("staff_account.display_name", StaffAccount.DISPLAY_NAME_MAX),
                Map.entry("staff_account.email", StaffAccount.EMAIL_MAX),
                Map.entry("staff_second_factor.secret", StaffSecondFactor.SECRET_COLUMN_MAX),
                Map.entry("staff_recovery_code.code_hash", RecoveryCode.HASH_LENGTH),
                Map.entry("room.name", Room.NAME_MAX),
                Map.entry("working_exception.note", WorkingException.NOTE_MAX));

        expected.forEach((column, limit) -> {
            String[] parts = column.split("\\.");
            Integer length = jdbc.queryForObject("""
                    select character_maximum_length from information_schema.columns
                     where table_schema = current_schema() and table_name = ? and column_name = ?""",
                    Integer.class, parts[0], parts[1]);
            assertThat(length).as(column).isEqualTo(limit);
        });
    }

    /**
     * Encrypted free text is longer than what was typed, so its columns are unbounded text that accepts only
     * ciphertext; the typed limits (CaseNote.BODY_MAX and the like) are kept by the services and forms.
     */
    @Test
    void encryptedColumnsAreTextThatRefusesPlainText() {
        for (String column : List.of("case_note.body", "referral.reason", "referral.partner_fear_decision",
                "review_case.risk_acknowledgement_note", "intake_amendment.reason", "appointment.cancel_reason",
                "appointment_request.message")) {
            String[] parts = column.split("\\.");
            assertThat(jdbc.queryForObject("""
                    select data_type from information_schema.columns
                     where table_schema = current_schema() and table_name = ? and column_name = ?""",
                    String.class, parts[0], parts[1])).as(column).isEqualTo("text");
            assertThat(jdbc.queryForObject("""
                    select count(*) from pg_constraint
                     where conrelid = cast(? as regclass) and contype = 'c'
                       and pg_get_constraintdef(oid) like ?""", Integer.class, parts[0],
                    "%" + parts[1] + "%enc:v1:%")).as(column).isOne();
        }
    }
}
