package app.thaw.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.crypto.FieldCipher;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;

/**
 * Clients with everything a record can hold (typed answers, corrections, notes, a risk review, a referral,
 * sessions with cancellation words, a client request, emails), made through the services where they exist and
 * by plain inserts for the diary, whose services would need free rooms and hours.
 */
final class RetentionTestData {

    final ReviewTestData review;
    private final CaseWorkService reviewService;
    private final ReferralService referrals;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;

    RetentionTestData(IntakeService intake, CaseWorkService reviewService, ReferralService referrals,
                      UserDetailsService staff, JdbcTemplate jdbc, TransactionTemplate tx, FieldCipher cipher) {
        this.referrals = referrals;
        this.cipher = cipher;
        this.review = new ReviewTestData(intake, staff, jdbc);
        this.reviewService = reviewService;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A client who said a lot, with typed answers easy to search for in raw rows. */
    static Answers talkative(String word, String email) {
        return IntakeFixtures.completeAnswers(word + " Client")
                .with("about.preferred_name", word + "Pref")
                .with("about.email", email)
                .with("about.phone", phoneOf(word))
                .with("about.gp_practice", word + " Surgery")
                .with("presenting.what_brings_you", word + " story of my numbness")
                .with("phq9.9", "2");
    }

    /** A mobile number only this word's client gives, so a search for it finds no one else. */
    static String phoneOf(String word) {
        return String.format(java.util.Locale.ROOT, "07700 9%05d", Math.floorMod(word.hashCode(), 100_000));
    }

    /** A client with the whole record filled in; returns the submitted intake. */
    ReviewTestData.Submitted fullClient(String word) {
        var client = review.submit(talkative(word, word.toLowerCase() + "@example.org"));
        fillRecord(client.id(), word);
        return client;
    }

    void fillRecord(long intakeId, String word) {
        review.as("amira", () -> {
            reviewService.acknowledgeRisk(IntakeId.of(intakeId), word + " risk note");
            reviewService.addNote(IntakeId.of(intakeId), word + " note body");
            reviewService.amendAnswer(IntakeId.of(intakeId), "about.phone", List.of("07700 900456"), word + " phoned");
            reviewService.amendAnswer(IntakeId.of(intakeId), "presenting.duration", List.of("over_1y"),
                    word + " clarified");
            referrals.decideReferral(IntakeId.of(intakeId), ReferralKind.INDIVIDUAL, word + " referral reason", null);
        });
        long session = insertSession(intakeId, null, "ATTENDED", null);
        long cancelled = insertSession(intakeId, null, "CANCELLED", word + " cancel reason");
        jdbc.update("insert into appointment_request (appointment_id, kind, message, created_at) values (?, 'CANCEL', ?, now())",
                cancelled, cipher.encrypt(word + " request message", "appointment_request.message"));
        String email = jdbc.queryForObject("select email from intake where id = ?", String.class, intakeId);
        insertEmail(session, email, word);
    }

    long insertSession(long intakeId, Long partnerIntakeId, String state, String cancelReason) {
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        // a random past hour: cancelled or not, it never clashes with another test's session
        Instant start = Instant.parse("2012-01-01T09:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(0, 100_000), ChronoUnit.HOURS);
        return jdbc.queryForObject("""
                insert into appointment (intake_id, partner_intake_id, therapist_id, type_id, format, starts_at,
                    ends_at, state, cancel_reason, cancelled_at, cancelled_by_client, created_at)
                values (?, ?, ?, ?, 'ONLINE', ?, ?, ?, ?, ?, ?, now()) returning id""", Long.class,
                intakeId, partnerIntakeId, review.idOf("grace"), type, Timestamp.from(start),
                Timestamp.from(start.plus(50, ChronoUnit.MINUTES)), state,
                cipher.encrypt(cancelReason, "appointment.cancel_reason"),
                "CANCELLED".equals(state) ? Timestamp.from(start.minus(3, ChronoUnit.DAYS)) : null,
                "CANCELLED".equals(state) ? Boolean.TRUE : null);
    }

    void insertEmail(long appointmentId, String email, String word) {
        jdbc.update("""
                insert into outbox_message (idempotency_key, kind, recipient, subject, body_text, ics, ics_method,
                    appointment_id, sequence, status, next_attempt_at, created_at)
                values (?, 'BOOKED', ?, ?, ?, 'BEGIN:VCALENDAR', 'REQUEST', ?, 0, 'PENDING', now(), now())""",
                "appointment-" + appointmentId + "/BOOKED/0/" + email.toLowerCase(), email,
                "Your appointment, " + word, "Dear " + word + ", your session is booked.", appointmentId);
    }

    /** Closes the case at the given time, as if a therapist had closed it then. */
    void closeAt(long intakeId, Instant closedAt) {
        jdbc.update("update intake set status = ?, closed_at = ? where id = ?", IntakeStatus.CLOSED.name(),
                Timestamp.from(closedAt), intakeId);
    }

    /**
     * Backdates a submission, as data from years ago would be. Submission times are immutable for everyone, so
     * the test sets them with triggers off (PostgreSQL's replica role, test database superuser only).
     */
    void submittedAt(long intakeId, Instant submittedAt) {
        tx.executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("update intake set submitted_at = ?, consented_at = least(consented_at, ?) where id = ?",
                    Timestamp.from(submittedAt), Timestamp.from(submittedAt), intakeId);
        });
    }
}
