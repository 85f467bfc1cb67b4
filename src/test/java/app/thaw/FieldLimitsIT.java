package app.thaw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.intake.Amendment;
import app.thaw.intake.domain.Intake;
import app.thaw.intake.questionnaire.FieldLimits;
import app.thaw.review.domain.CaseNote;
import app.thaw.review.domain.Referral;
import app.thaw.review.domain.ReviewCase;
import app.thaw.scheduling.domain.Appointment;
import app.thaw.scheduling.domain.AppointmentRequest;
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
                Map.entry("intake_amendment.reason", Amendment.REASON_MAX),
                Map.entry("staff_account.username", StaffAccount.USERNAME_MAX),
                Map.entry("staff_account.display_name", StaffAccount.DISPLAY_NAME_MAX),
                Map.entry("staff_account.email", StaffAccount.EMAIL_MAX),
                Map.entry("staff_second_factor.secret", StaffSecondFactor.SECRET_COLUMN_MAX),
                Map.entry("staff_recovery_code.code_hash", RecoveryCode.HASH_LENGTH),
                Map.entry("case_note.body", CaseNote.BODY_MAX),
                Map.entry("referral.reason", Referral.REASON_MAX),
                Map.entry("referral.partner_fear_decision", Referral.PARTNER_FEAR_DECISION_MAX),
                Map.entry("review_case.risk_acknowledgement_note", ReviewCase.ACKNOWLEDGEMENT_NOTE_MAX),
                Map.entry("room.name", Room.NAME_MAX),
                Map.entry("appointment.cancel_reason", Appointment.CANCEL_REASON_MAX),
                Map.entry("appointment_request.message", AppointmentRequest.MESSAGE_MAX),
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
}
