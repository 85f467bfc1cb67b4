package app.thaw.care.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** Something added to a locked session note later: dated and signed by its author, never edited. */
@Entity
@Table(name = "session_note_addendum")
public class SessionNoteAddendum {

    public static final int BODY_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "note_id", nullable = false, updatable = false)
    private long noteId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(updatable = false)
    @Convert(converter = EncryptedColumns.SessionNoteAddendumBody.class)
    private @Nullable String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SessionNoteAddendum() {
    }

    public SessionNoteAddendum(long noteId, long authorId, String body, Instant createdAt) {
        this.noteId = noteId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = createdAt;
    }

    public long getAuthorId() {
        return authorId;
    }

    public @Nullable String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
