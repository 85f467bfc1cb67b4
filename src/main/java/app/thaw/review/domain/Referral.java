package app.thaw.review.domain;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.Erased;
import app.thaw.review.ReferralKind;

/** A referral decision with its reason; a new decision supersedes it and both stay on record. */
@Entity
@Immutable
@Table(name = "referral")
public class Referral {

    public static final int REASON_MAX = 4000;
    public static final int PARTNER_FEAR_DECISION_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "intake_id", nullable = false)
    private long intakeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ReferralKind kind;

    @Column
    @Convert(converter = EncryptedColumns.ReferralReason.class)
    private @Nullable String reason;

    @Column(name = "partner_fear_decision")
    @Convert(converter = EncryptedColumns.PartnerFearDecision.class)
    private @Nullable String partnerFearDecision;

    @Column(name = "decided_by", nullable = false)
    private long decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Referral() {
    }

    public Referral(long intakeId, ReferralKind kind, String reason, @Nullable String partnerFearDecision,
                    long decidedBy, Instant decidedAt) {
        this.intakeId = intakeId;
        this.kind = kind;
        this.reason = reason;
        this.partnerFearDecision = partnerFearDecision;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    /** Asked only of a saved referral: the database gives the id on insert. */
    public Long getId() {
        return Objects.requireNonNull(id, "a referral has no id until it is saved");
    }

    public ReferralKind getKind() {
        return kind;
    }

    /** The reason as written, or the erasure marker once the client was erased. */
    public String getReason() {
        return Erased.orMarker(reason);
    }

    public @Nullable String getPartnerFearDecision() {
        return partnerFearDecision;
    }

    public long getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
