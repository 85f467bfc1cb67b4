package app.thaw.bench.data;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A batch of generated rows, in foreign-key order, sent to PostgreSQL in one transaction. */
final class Chunk {

    final CopyBuffer coupleCases = new CopyBuffer("couple_case",
            "id, invitation_token_hash, invitation_expires_at, created_at");
    final CopyBuffer intakes = new CopyBuffer("intake", "id, reference, status, requested_type, urgent, "
            + "questionnaire_id, questionnaire_version, answers, scores, risk_flags, full_name, preferred_name, email, "
            + "phone, date_of_birth, privacy_notice_version, consented_at, status_token_hash, draft_id, couple_case_id, "
            + "submitted_at, closed_at, queue_assignee_id, email_safe, queue_rank");
    final CopyBuffer reviewCases = new CopyBuffer("review_case", "intake_id, assigned_therapist_id, "
            + "risk_acknowledged_at, risk_acknowledged_by, risk_acknowledgement_note");
    final CopyBuffer suggestions = new CopyBuffer("factor_suggestion",
            "intake_id, tag_id, reasons, rule_set_version, created_at");
    final CopyBuffer referrals = new CopyBuffer("referral",
            "intake_id, kind, reason, partner_fear_decision, decided_by, decided_at");
    final CopyBuffer notes = new CopyBuffer("case_note", "intake_id, author_id, body, created_at");
    final CopyBuffer audit = new CopyBuffer("audit_entry",
            "occurred_at, actor_id, actor_name, action, intake_id, case_reference, detail");
    final CopyBuffer appointments = new CopyBuffer("appointment", "id, intake_id, partner_intake_id, therapist_id, "
            + "room_id, type_id, format, starts_at, ends_at, state, cancelled_by_client, cancel_reason, "
            + "cancelled_by_staff_id, cancelled_at, created_at, created_by");

    final CopyBuffer measureRequests = new CopyBuffer("measure_request", "id, intake_id, appointment_id, measures, "
            + "session_starts, created_at, expires_at, emailed_at, answered_at");
    final CopyBuffer measureResponses = new CopyBuffer("measure_response", "id, intake_id, request_id, source, "
            + "answered_at, versions, answers, phq9, gad7, csi4, feelings, risk");

    final CopyBuffer episodes = new CopyBuffer("outcome_episode", "id, intake_id, service_type, therapist_id, "
            + "referred_at, started_at, ended_at, outcome, finished, first_phq9, first_gad7, last_phq9, last_gad7, "
            + "paired_sets");
    /** What happened to each case (ADR 9), as CareRecords writes it; ids follow the COPY order. */
    final CopyBuffer careEvents = new CopyBuffer("care_event", "intake_id, kind, occurred_at, recorded_at, actor_id, "
            + "appointment_id, treatment, outcome, referral_kind");

    private List<CopyBuffer> inOrder() {
        return List.of(coupleCases, intakes, reviewCases, suggestions, referrals, notes, audit, appointments,
                measureRequests, measureResponses, episodes, careEvents);
    }

    int intakeRows() {
        return intakes.rows();
    }

    int appointmentRows() {
        return appointments.rows();
    }

    void copyTo(Connection connection) throws SQLException, IOException {
        for (CopyBuffer buffer : inOrder()) {
            buffer.copyTo(connection);
        }
        connection.commit();
    }
}
