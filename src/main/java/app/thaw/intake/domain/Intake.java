package app.thaw.intake.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.RequestedType;
import app.thaw.intake.questionnaire.FieldLimits;

/** A submitted intake: the answers as asked and answered, their scores and any risk flags. */
@Entity
@Table(name = "intake")
public class Intake extends AbstractEntity {

    public static final int REFERENCE_MAX = 12;

    @Column(nullable = false, length = REFERENCE_MAX, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IntakeStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_type", nullable = false, length = 12, updatable = false)
    private RequestedType requestedType;

    @Column(nullable = false, updatable = false)
    private boolean urgent;

    @Column(name = "questionnaire_id", nullable = false, length = FieldLimits.ID, updatable = false)
    private String questionnaireId;

    @Column(name = "questionnaire_version", nullable = false, updatable = false)
    private int questionnaireVersion;

    @Convert(converter = EncryptedColumns.IntakeAnswers.class)
    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String answers;

    @Column(nullable = false, columnDefinition = "jsonb", updatable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String scores;

    @Column(name = "risk_flags", nullable = false, columnDefinition = "jsonb", updatable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String riskFlags;

    @Column(name = "full_name", nullable = false, length = FieldLimits.TEXT)
    private String fullName;

    @Column(name = "preferred_name", length = FieldLimits.TEXT)
    private @Nullable String preferredName;

    @Column(nullable = false, length = FieldLimits.EMAIL)
    private String email;

    @Column(nullable = false, length = FieldLimits.PHONE)
    private String phone;

    @Column(name = "date_of_birth")
    private @Nullable LocalDate dateOfBirth;

    @Column(name = "privacy_notice_version", nullable = false, length = 32, updatable = false)
    private String privacyNoticeVersion;

    @Column(name = "consented_at", nullable = false, updatable = false)
    private Instant consentedAt;

    @Column(name = "status_token_hash", nullable = false, length = 64)
    private String statusTokenHash;

    @Column(name = "draft_id", nullable = false, updatable = false)
    private long draftId;

    @Column(name = "couple_case_id")
    private @Nullable Long coupleCaseId;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    /** False when the client said email isn't safe for them: nothing is then emailed to them. */
    @Column(name = "email_safe", nullable = false, updatable = false)
    private boolean emailSafe = true;

    /** When the case was closed: the clinical retention period runs from here. */
    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    protected Intake() {
    }

    public Intake(IntakeRecord record) {
        this.reference = record.reference();
        this.status = record.status();
        this.requestedType = record.requestedType();
        this.urgent = record.urgent();
        this.questionnaireId = record.questionnaireId();
        this.questionnaireVersion = record.questionnaireVersion();
        this.answers = record.answersJson();
        this.scores = record.scoresJson();
        this.riskFlags = record.riskFlagsJson();
        this.fullName = record.fullName();
        this.preferredName = record.preferredName();
        this.email = record.email();
        this.phone = record.phone();
        this.dateOfBirth = record.dateOfBirth();
        this.privacyNoticeVersion = record.privacyNoticeVersion();
        this.consentedAt = record.consentedAt();
        this.statusTokenHash = record.statusTokenHash();
        this.draftId = record.draftId();
        this.coupleCaseId = record.coupleCaseId();
        this.submittedAt = record.submittedAt();
        this.emailSafe = record.emailSafe();
    }

    /** Everything known at submission, in one place so the constructor stays readable. */
    public record IntakeRecord(String reference, IntakeStatus status, RequestedType requestedType, boolean urgent,
                               String questionnaireId, int questionnaireVersion, String answersJson,
                               String scoresJson, String riskFlagsJson, String fullName,
                               @Nullable String preferredName, String email, String phone, LocalDate dateOfBirth,
                               String privacyNoticeVersion, Instant consentedAt, String statusTokenHash,
                               long draftId, @Nullable Long coupleCaseId, Instant submittedAt,
                               boolean emailSafe) {
    }

    public void changeStatus(IntakeStatus newStatus, Instant now) {
        if (newStatus == IntakeStatus.CLOSED && status != IntakeStatus.CLOSED) {
            this.closedAt = now;
        } else if (newStatus != IntakeStatus.CLOSED) {
            this.closedAt = null;
        }
        this.status = newStatus;
    }

    public String getReference() {
        return reference;
    }

    public IntakeStatus getStatus() {
        return status;
    }

    public RequestedType getRequestedType() {
        return requestedType;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public String getQuestionnaireId() {
        return questionnaireId;
    }

    public int getQuestionnaireVersion() {
        return questionnaireVersion;
    }

    public String getAnswersJson() {
        return answers;
    }

    public String getScoresJson() {
        return scores;
    }

    public String getRiskFlagsJson() {
        return riskFlags;
    }

    public String getFullName() {
        return fullName;
    }

    public @Nullable String getPreferredName() {
        return preferredName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public @Nullable LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getPrivacyNoticeVersion() {
        return privacyNoticeVersion;
    }

    /** When the client accepted the privacy notice (ticked the consent box on the form). */
    public Instant getConsentedAt() {
        return consentedAt;
    }

    public @Nullable Long getCoupleCaseId() {
        return coupleCaseId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public boolean isEmailSafe() {
        return emailSafe;
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }
}
