package app.thaw.review.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.thaw.review.FactorDecisionKind;

/** One therapist decision on a contributing factor; later decisions supersede, none is erased. */
@Entity
@Immutable
@Table(name = "factor_decision")
public class FactorDecision extends FactorRow {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private FactorDecisionKind decision;

    @Column(name = "decided_by", nullable = false)
    private long decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected FactorDecision() {
    }

    public FactorDecision(long intakeId, String tagId, FactorDecisionKind decision, long decidedBy, Instant decidedAt) {
        super(intakeId, tagId);
        this.decision = decision;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public FactorDecisionKind getDecision() {
        return decision;
    }

    public long getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
