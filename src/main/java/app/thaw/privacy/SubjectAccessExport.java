package app.thaw.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything the practice holds about one client, as given to them on a subject access request. The JSON
 * file is this record; the PDF lays out the same content. A couple's partner appears only as "[partner]".
 * Field names are part of the file format: change them only with a new {@link #FORMAT_VERSION} (2 added
 * {@code measures}).
 */
public record SubjectAccessExport(String format, int formatVersion, Instant generatedAt, String generatedBy,
                                  String practice, Client client, Consent consent, Couple couple,
                                  Questionnaire questionnaire, List<Answer> answers, List<ScoreLine> scores,
                                  List<String> riskFlags, Review review, List<Factor> factors,
                                  List<Referral> referrals, List<Note> notes, List<Session> appointments,
                                  List<MeasureSet> measures,
                                  List<StatusChange> statusHistory, List<Email> emails, List<AccessLine> accessLog,
                                  List<String> leftOut) {

    public static final String FORMAT = "thaw-subject-access";
    public static final int FORMAT_VERSION = 2;
    public static final String PARTNER = "[partner]";

    public record Client(String reference, String fullName, @Nullable String preferredName, @Nullable LocalDate dateOfBirth,
                         String email, String phone, String status, String requestedType, Instant formSentAt) {
    }

    /** The privacy notice accepted on the form's consent step, and when. */
    public record Consent(String privacyNoticeVersion, Instant acceptedAt, Instant formSentAt,
                          boolean contactConsent, boolean adultConfirmed) {
    }

    /** Whether the client is one of a couple; the partner is never named. */
    public record Couple(String link, @Nullable String partner) {
    }

    public record Questionnaire(String id, int version, String title) {
    }

    /** A question as it was asked, the answer as sent, and any later corrections (the original stays). */
    public record Answer(String section, String itemId, String question, String answer, List<String> values,
                         List<Correction> corrections) {
    }

    public record Correction(String answer, List<String> values, String reason, String correctedBy,
                             Instant correctedAt) {
    }

    public record ScoreLine(String id, String label, int total, int max, @Nullable String band, boolean complete) {
    }

    public record Review(@Nullable String assignedTherapist, @Nullable Instant riskReviewedAt,
                        @Nullable String riskReviewedBy, @Nullable String riskReviewNote) {
    }

    /** A contributing factor the rules suggested (with why) or a therapist added, and every decision on it. */
    public record Factor(String label, boolean suggested, List<String> reasons, List<FactorDecision> decisions) {
    }

    public record FactorDecision(String decision, String decidedBy, Instant decidedAt) {
    }

    public record Referral(String kind, String reason, @Nullable String jointWorkDecision, String decidedBy,
                           Instant decidedAt) {
    }

    public record Note(String author, Instant writtenAt, String text) {
    }

    public record Session(Instant start, Instant end, String type, String format, @Nullable String room,
                          String therapist, boolean withPartner, String state, Instant bookedAt,
                          @Nullable Instant cancelledAt, @Nullable Boolean cancelledByClient,
                          @Nullable String cancelReason, List<SessionRequest> requests,
                          @Nullable String sessionNote) {
    }

    /**
     * One outcome measure the client answered (on the intake form or before a session): each question with their own
     * answer, and the score (null when the measure has none). Only the client's own, never a partner's.
     */
    public record MeasureSet(Instant answeredAt, String occasion, String measure, @Nullable Integer score,
                             @Nullable Integer max, List<MeasureAnswer> answers) {
    }

    public record MeasureAnswer(String question, String answer) {
    }

    public record SessionRequest(String kind, @Nullable String message, Instant sentAt, boolean handled) {
    }

    public record StatusChange(Instant at, String by, String change) {
    }

    public record Email(String kind, String subject, String body, String status, Instant writtenAt,
                        @Nullable Instant sentAt) {
    }

    /** Who read or changed the client's record, and when. */
    public record AccessLine(Instant at, String staff, String action, @Nullable String detail) {
    }
}
