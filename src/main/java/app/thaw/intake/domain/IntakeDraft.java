package app.thaw.intake.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;

/** A form in progress. Answers are merged key by key in SQL, so two open tabs never erase each other. */
@Entity
@Table(name = "intake_draft")
public class IntakeDraft extends AbstractEntity {

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Convert(converter = EncryptedColumns.DraftAnswers.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String answers = "{}";

    @Column(name = "current_section", length = 64)
    private @Nullable String currentSection;

    @Column(name = "couple_case_id")
    private @Nullable Long coupleCaseId;

    @Column(name = "submitted_intake_id")
    private @Nullable Long submittedIntakeId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** When the privacy-notice consent was ticked; set and cleared by the repository as the client saves. */
    @Column(name = "privacy_consent_at", insertable = false, updatable = false)
    private @Nullable Instant privacyConsentAt;

    protected IntakeDraft() {
    }

    public IntakeDraft(String tokenHash, @Nullable Long coupleCaseId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.coupleCaseId = coupleCaseId;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = expiresAt;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getAnswersJson() {
        return answers;
    }

    public @Nullable String getCurrentSection() {
        return currentSection;
    }

    public @Nullable Long getCoupleCaseId() {
        return coupleCaseId;
    }

    public @Nullable Long getSubmittedIntakeId() {
        return submittedIntakeId;
    }

    public @Nullable Instant getPrivacyConsentAt() {
        return privacyConsentAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isOpenAt(Instant now) {
        return submittedIntakeId == null && now.isBefore(expiresAt);
    }

    /** Begun from this couple's invitation link: the only draft that link may open again. */
    public boolean joins(CoupleCase coupleCase) {
        return coupleCase.getId().equals(coupleCaseId);
    }

    /** Once submitted, the draft keeps only the link to its intake: the answers now live there. */
    public void markSubmitted(long intakeId, Instant now) {
        this.submittedIntakeId = intakeId;
        this.answers = "{}";
        this.updatedAt = now;
    }
}
