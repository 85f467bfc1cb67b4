package app.thaw.review.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.Erased;

/** A private clinical note; once written it is never changed (the database refuses too). */
@Entity
@Immutable
@Table(name = "case_note")
public class CaseNote {

    public static final int BODY_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "intake_id", nullable = false)
    private long intakeId;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column
    @Convert(converter = EncryptedColumns.NoteBody.class)
    private @Nullable String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseNote() {
    }

    public CaseNote(long intakeId, long authorId, String body, Instant createdAt) {
        this.intakeId = intakeId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = createdAt;
    }

    public long getAuthorId() {
        return authorId;
    }

    /** The note as written, or the erasure marker once the client was erased. */
    public String getBody() {
        return Erased.orMarker(body);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
