package app.thaw.privacy.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;
import app.thaw.privacy.AccessRequestStatus;

/**
 * A client's subject access request: when it came, who reviews it for serious harm, what they decided and when the
 * files went out. Each change checks the state it starts from; the database checks the same (V50).
 */
@Entity
@Table(name = "subject_access_request")
public class AccessRequest extends AbstractEntity {

    /** Matches the columns' limit; the forms use it too. */
    public static final int REASON_MAX = 300;

    @Column(name = "intake_id", nullable = false)
    private long intakeId;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "recorded_by", nullable = false)
    private long recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "reviewer_id", nullable = false)
    private long reviewerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AccessRequestStatus status;

    @Column(name = "extension_months")
    private @Nullable Integer extensionMonths;

    @Column(name = "extension_reason")
    private @Nullable String extensionReason;

    @Column(name = "extended_by")
    private @Nullable Long extendedBy;

    @Column(name = "extended_at")
    private @Nullable Instant extendedAt;

    @Column(name = "reviewed_by")
    private @Nullable Long reviewedBy;

    @Column(name = "reviewed_at")
    private @Nullable Instant reviewedAt;

    @Column(name = "reviewed_content")
    private @Nullable String reviewedContent;

    @Column(name = "released_by")
    private @Nullable Long releasedBy;

    @Column(name = "released_at")
    private @Nullable Instant releasedAt;

    @Column(name = "withdrawn_by")
    private @Nullable Long withdrawnBy;

    @Column(name = "withdrawn_at")
    private @Nullable Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    private @Nullable String withdrawalReason;

    protected AccessRequest() {
    }

    public AccessRequest(long intakeId, LocalDate receivedOn, long recordedBy, Instant recordedAt, long reviewerId) {
        this.intakeId = intakeId;
        this.receivedOn = receivedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.reviewerId = reviewerId;
        this.status = AccessRequestStatus.AWAITING_REVIEW;
    }

    public void changeReviewer(long therapistId) {
        require(status == AccessRequestStatus.AWAITING_REVIEW);
        this.reviewerId = therapistId;
    }

    public void extend(int months, String reason, long by, Instant at) {
        require(status.open() && extensionMonths == null);
        this.extensionMonths = months;
        this.extensionReason = reason;
        this.extendedBy = by;
        this.extendedAt = at;
    }

    /** The reviewer's decision; {@code content} fingerprints the record they saw. */
    public void approve(boolean withheldAny, String content, long by, Instant at) {
        require(status == AccessRequestStatus.AWAITING_REVIEW);
        this.status = withheldAny ? AccessRequestStatus.APPROVED_WITH_REDACTIONS : AccessRequestStatus.APPROVED;
        this.reviewedContent = content;
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    /** The record changed after approval: the reviewer looks again (their earlier choices stay as a start). */
    public void returnForReview() {
        require(status == AccessRequestStatus.APPROVED || status == AccessRequestStatus.APPROVED_WITH_REDACTIONS);
        this.status = AccessRequestStatus.AWAITING_REVIEW;
        this.reviewedContent = null;
        this.reviewedBy = null;
        this.reviewedAt = null;
    }

    public void release(long by, Instant at) {
        require(status == AccessRequestStatus.APPROVED || status == AccessRequestStatus.APPROVED_WITH_REDACTIONS);
        this.status = AccessRequestStatus.RELEASED;
        this.releasedBy = by;
        this.releasedAt = at;
    }

    public void withdraw(String reason, long by, Instant at) {
        require(status.open());
        this.status = AccessRequestStatus.WITHDRAWN;
        this.withdrawalReason = reason;
        this.withdrawnBy = by;
        this.withdrawnAt = at;
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new IllegalStateException("Not possible in the request's present state");
        }
    }

    public long getIntakeId() {
        return intakeId;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public long getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public long getReviewerId() {
        return reviewerId;
    }

    public AccessRequestStatus getStatus() {
        return status;
    }

    public int getExtensionMonths() {
        return extensionMonths == null ? 0 : extensionMonths;
    }

    public @Nullable String getExtensionReason() {
        return extensionReason;
    }

    public @Nullable Long getReviewedBy() {
        return reviewedBy;
    }

    public @Nullable Instant getReviewedAt() {
        return reviewedAt;
    }

    public @Nullable String getReviewedContent() {
        return reviewedContent;
    }

    public @Nullable Long getReleasedBy() {
        return releasedBy;
    }

    public @Nullable Instant getReleasedAt() {
        return releasedAt;
    }

    public @Nullable Long getWithdrawnBy() {
        return withdrawnBy;
    }

    public @Nullable Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public @Nullable String getWithdrawalReason() {
        return withdrawalReason;
    }
}
