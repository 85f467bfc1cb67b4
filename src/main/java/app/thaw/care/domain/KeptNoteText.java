package app.thaw.care.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.care.KeptNoteView.Because;
import app.thaw.care.NoteTemplate;

/** A note form's text that could not be saved at an idle sign-out, kept for its author (V200); never edited. */
@Entity
@Table(name = "session_note_kept_text")
public class KeptNoteText {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "appointment_id", nullable = false, updatable = false)
    private long appointmentId;

    @Column(name = "intake_id", nullable = false, updatable = false)
    private long intakeId;

    @Column(name = "partner_intake_id", updatable = false)
    private @Nullable Long partnerIntakeId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private NoteTemplate template;

    /** The sections as JSON, as a note's body holds them. */
    @Column(nullable = false, updatable = false)
    @Convert(converter = EncryptedColumns.KeptNoteTextBody.class)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private Because because;

    @Column(name = "kept_at", nullable = false, updatable = false)
    private Instant keptAt;

    protected KeptNoteText() {
    }

    public KeptNoteText(long appointmentId, long intakeId, @Nullable Long partnerIntakeId, long authorId,
                        NoteTemplate template, String body, Because because, Instant keptAt) {
        this.appointmentId = appointmentId;
        this.intakeId = intakeId;
        this.partnerIntakeId = partnerIntakeId;
        this.authorId = authorId;
        this.template = template;
        this.body = body;
        this.because = because;
        this.keptAt = keptAt;
    }

    public long getId() {
        return id;
    }

    public NoteTemplate getTemplate() {
        return template;
    }

    public String getBody() {
        return body;
    }

    public Because getBecause() {
        return because;
    }

    public Instant getKeptAt() {
        return keptAt;
    }
}
