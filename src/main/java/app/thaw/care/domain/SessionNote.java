package app.thaw.care.domain;

import java.time.Duration;
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
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import app.thaw.care.NoteTemplate;

/** The therapist's note of one attended session; editable by its author until signed, 24 hours at most (V58). */
@Entity
@Table(name = "session_note")
public class SessionNote {

    /** A note locks itself this long after it was first written, signed or not. */
    public static final Duration EDITABLE_FOR = Duration.ofHours(24);
    /** Per heading; the whole note is at most this times the template's headings. */
    public static final int SECTION_MAX = 4000;

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
    @Column(nullable = false, length = 8)
    private NoteTemplate template;

    @Column
    @Convert(converter = EncryptedColumns.SessionNoteBody.class)
    private @Nullable String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "signed_at")
    private @Nullable Instant signedAt;

    /** Counted up by every save (V195), so a save from a form drawn at an older version is refused. */
    @Version
    @Column(nullable = false)
    private long version;

    protected SessionNote() {
    }

    public SessionNote(long appointmentId, long intakeId, @Nullable Long partnerIntakeId, long authorId,
                       NoteTemplate template, String body, Instant at) {
        this.appointmentId = appointmentId;
        this.intakeId = intakeId;
        this.partnerIntakeId = partnerIntakeId;
        this.authorId = authorId;
        this.template = template;
        this.body = body;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void edit(NoteTemplate newTemplate, String newBody, Instant at) {
        this.template = newTemplate;
        this.body = newBody;
        this.updatedAt = at;
    }

    public void sign(Instant at) {
        this.signedAt = at;
        this.updatedAt = at;
    }

    public boolean isLocked(Instant now) {
        return signedAt != null || !now.isBefore(lockedAt());
    }

    /** Signed, or 24 hours after it was first written. */
    public Instant lockedAt() {
        Instant automatic = createdAt.plus(EDITABLE_FOR);
        return signedAt != null && signedAt.isBefore(automatic) ? signedAt : automatic;
    }

    public Long getId() {
        return id;
    }

    public long getAppointmentId() {
        return appointmentId;
    }

    public long getAuthorId() {
        return authorId;
    }

    public NoteTemplate getTemplate() {
        return template;
    }

    public @Nullable String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public @Nullable Instant getSignedAt() {
        return signedAt;
    }

    public long getVersion() {
        return version;
    }
}
