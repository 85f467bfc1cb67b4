package app.thaw.review.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A contributing factor the rules suggested at submission, with its reasons (JSON list of plain sentences). */
@Entity
@Immutable
@Table(name = "factor_suggestion")
public class FactorSuggestionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "intake_id", nullable = false)
    private long intakeId;

    @Column(name = "tag_id", nullable = false, length = 64)
    private String tagId;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String reasons;

    @Column(name = "rule_set_version", nullable = false)
    private int ruleSetVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FactorSuggestionRecord() {
    }

    public FactorSuggestionRecord(long intakeId, String tagId, String reasonsJson, int ruleSetVersion,
                                  Instant createdAt) {
        this.intakeId = intakeId;
        this.tagId = tagId;
        this.reasons = reasonsJson;
        this.ruleSetVersion = ruleSetVersion;
        this.createdAt = createdAt;
    }

    public String getTagId() {
        return tagId;
    }

    public String getReasonsJson() {
        return reasons;
    }
}
