package app.thaw.review.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A contributing factor the rules suggested at submission, with its reasons (JSON list of plain sentences). */
@Entity
@Immutable
@Table(name = "factor_suggestion")
public class FactorSuggestionRecord extends FactorRow {

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
        super(intakeId, tagId);
        this.reasons = reasonsJson;
        this.ruleSetVersion = ruleSetVersion;
        this.createdAt = createdAt;
    }

    public String getReasonsJson() {
        return reasons;
    }
}
