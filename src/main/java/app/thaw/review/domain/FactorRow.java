package app.thaw.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A row about one contributing factor of one intake: the rules' suggestions and the therapists' decisions. */
@MappedSuperclass
public abstract class FactorRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "intake_id", nullable = false)
    private long intakeId;

    @Column(name = "tag_id", nullable = false, length = 64)
    private String tagId;

    protected FactorRow() {
    }

    protected FactorRow(long intakeId, String tagId) {
        this.intakeId = intakeId;
        this.tagId = tagId;
    }

    public String getTagId() {
        return tagId;
    }
}
