package app.thaw.review.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.thaw.review.FactorDecisionKind;

/** One therapist decision on a contributing factor; later decisions supersede, none is erased. */
@Entity
@Immutable
@Table(name = "factor_decision")
public class FactorDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "intake_id", nullable = false)
    private long intakeId;

    @Column(name = "tag_id", nullable = false, length = 64)
    private String tagId;

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
        this.intakeId = intakeId;
        this.tagId = tagId;
        this.decision = decision;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public String getTagId() {
        return tagId;
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
