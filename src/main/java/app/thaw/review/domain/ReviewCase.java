package app.thaw.review.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.Erased;

/** The therapist's working record of one intake: who has it and whether its risk was reviewed. */
@Entity
@Table(name = "review_case")
public class ReviewCase {

    public static final int ACKNOWLEDGEMENT_NOTE_MAX = 1000;

    @Id
    @Column(name = "intake_id")
    private Long intakeId;

    @Version
    private long version;

    @Column(name = "assigned_therapist_id")
    private @Nullable Long assignedTherapistId;

    @Column(name = "risk_acknowledged_at")
    private @Nullable Instant riskAcknowledgedAt;

    @Column(name = "risk_acknowledged_by")
    private @Nullable Long riskAcknowledgedBy;

    @Column(name = "risk_acknowledgement_note")
    @Convert(converter = EncryptedColumns.RiskAcknowledgementNote.class)
    private @Nullable String riskAcknowledgementNote;

    protected ReviewCase() {
    }

    public ReviewCase(long intakeId) {
        this.intakeId = intakeId;
    }

    public long getIntakeId() {
        return intakeId;
    }

    public @Nullable Long getAssignedTherapistId() {
        return assignedTherapistId;
    }

    /** Unassigned cases are open to every therapist; assigned ones only to their therapist. */
    public boolean isVisibleTo(long therapistId) {
        return assignedTherapistId == null || assignedTherapistId == therapistId;
    }

    public void assignTo(@Nullable Long therapistId) {
        this.assignedTherapistId = therapistId;
    }

    public boolean isRiskAcknowledged() {
        return riskAcknowledgedAt != null;
    }

    public void acknowledgeRisk(long therapistId, String note, Instant at) {
        this.riskAcknowledgedBy = therapistId;
        this.riskAcknowledgementNote = note;
        this.riskAcknowledgedAt = at;
    }

    public @Nullable Instant getRiskAcknowledgedAt() {
        return riskAcknowledgedAt;
    }

    public @Nullable Long getRiskAcknowledgedBy() {
        return riskAcknowledgedBy;
    }

    /** The note as written; the erasure marker once the client was erased; null before the review. */
    public @Nullable String getRiskAcknowledgementNote() {
        return riskAcknowledgedAt != null ? Erased.orMarker(riskAcknowledgementNote) : riskAcknowledgementNote;
    }
}
