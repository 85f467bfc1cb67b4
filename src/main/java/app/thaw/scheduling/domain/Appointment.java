package app.thaw.scheduling.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.SessionFormat;

/** A session in the diary. Overlaps for a therapist or a room are refused by the database. */
@Entity
@Table(name = "appointment")
public class Appointment extends AbstractEntity {

    public static final int CANCEL_REASON_MAX = 500;

    @Column(name = "intake_id", nullable = false, updatable = false)
    private long intakeId;

    @Column(name = "partner_intake_id", updatable = false)
    private @Nullable Long partnerIntakeId;

    @Column(name = "therapist_id", nullable = false)
    private long therapistId;

    @Column(name = "room_id")
    private @Nullable Long roomId;

    @Column(name = "type_id", nullable = false)
    private long typeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SessionFormat format;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AppointmentState state = AppointmentState.BOOKED;

    @Column(name = "series_id", updatable = false)
    private @Nullable UUID seriesId;

    /** Bumped on every change the client is told about, as calendar apps expect. */
    @Column(nullable = false)
    private int sequence;

    @Column(name = "cancelled_by_client")
    private @Nullable Boolean cancelledByClient;

    @Column(name = "cancel_reason")
    @Convert(converter = EncryptedColumns.CancelReason.class)
    private @Nullable String cancelReason;

    @Column(name = "cancelled_by_staff_id")
    private @Nullable Long cancelledByStaffId;

    @Column(name = "cancelled_at")
    private @Nullable Instant cancelledAt;

    /** A late cancellation stays late even if the notice period changes later; null for the practice's own. */
    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_kind", length = 8)
    private @Nullable CancelKind cancelKind;

    /** A series session's planned start, kept when it moves: its calendar entry is that occurrence (RECURRENCE-ID). */
    @Column(name = "original_starts_at", updatable = false)
    private @Nullable Instant originalStartsAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private @Nullable Long createdBy;

    protected Appointment() {
    }

    public Appointment(long intakeId, @Nullable Long partnerIntakeId, long therapistId, @Nullable Long roomId,
                       long typeId, SessionFormat format, Instant startsAt, Instant endsAt, @Nullable UUID seriesId,
                       Instant createdAt, @Nullable Long createdBy) {
        this.intakeId = intakeId;
        this.partnerIntakeId = partnerIntakeId;
        this.therapistId = therapistId;
        this.roomId = roomId;
        this.typeId = typeId;
        this.format = format;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.seriesId = seriesId;
        this.originalStartsAt = seriesId == null ? null : startsAt;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /**
     * This new session as written in one SQL statement by {@link AppointmentInserts}, with the id the row was given.
     * The object is then only read (views, care events, the confirmation), never saved through JPA.
     */
    void inserted(long rowId) {
        writtenAs(rowId);
    }

    /** Only a booked session moves; a cancelled or finished one stays where it was. */
    public void moveTo(Instant newStart, Instant newEnd, @Nullable Long newRoomId) {
        requireBooked("Only a booked session can be moved.");
        this.startsAt = newStart;
        this.endsAt = newEnd;
        this.roomId = format == SessionFormat.IN_PERSON ? newRoomId : null;
        this.sequence++;
    }

    /** Another therapist sees the client at the same time; the client is told, so the version moves on. */
    public void giveTo(long newTherapistId) {
        requireBooked("Only a booked session can go to another therapist.");
        this.therapistId = newTherapistId;
        this.sequence++;
    }

    public void cancel(boolean byClient, @Nullable String reason, @Nullable Long staffId, Instant at) {
        requireBooked("Only a booked session can be cancelled.");
        this.state = AppointmentState.CANCELLED;
        this.cancelledByClient = byClient;
        this.cancelReason = reason;
        this.cancelledByStaffId = staffId;
        this.cancelledAt = at;
        this.sequence++;
    }

    /** The client cancelled on their own page, on time or inside the notice period. */
    public void cancelByClient(String reason, CancelKind kind, Instant at) {
        cancel(true, reason, null, at);
        this.cancelKind = kind;
    }

    /** A client's cancellation against the notice period: on time, or late (counted in the reports). */
    public enum CancelKind { ON_TIME, LATE }

    /** Attended or did not attend (either may be corrected to the other); a cancelled session has no outcome. */
    public void markOutcome(AppointmentState outcome) {
        if (outcome != AppointmentState.ATTENDED && outcome != AppointmentState.NO_SHOW) {
            throw new IllegalArgumentException("An outcome is attended or did not attend.");
        }
        if (state == AppointmentState.CANCELLED) {
            throw new IllegalStateException("A cancelled session has no outcome to record.");
        }
        this.state = outcome;
    }

    /** Whatever path a change comes by, it never lands on a session that was cancelled or has happened. */
    private void requireBooked(String refusal) {
        if (state != AppointmentState.BOOKED) {
            throw new IllegalStateException(refusal);
        }
    }

    public long getIntakeId() {
        return intakeId;
    }

    public @Nullable Long getPartnerIntakeId() {
        return partnerIntakeId;
    }

    public long getTherapistId() {
        return therapistId;
    }

    public @Nullable Long getRoomId() {
        return roomId;
    }

    public long getTypeId() {
        return typeId;
    }

    public SessionFormat getFormat() {
        return format;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public AppointmentState getState() {
        return state;
    }

    /** Booked and not over yet (one under way counts): what a client still has to come. */
    public boolean isToCome(Instant now) {
        return state == AppointmentState.BOOKED && endsAt.isAfter(now);
    }

    public @Nullable UUID getSeriesId() {
        return seriesId;
    }

    public int getSequence() {
        return sequence;
    }

    public @Nullable Boolean getCancelledByClient() {
        return cancelledByClient;
    }

    public @Nullable String getCancelReason() {
        return cancelReason;
    }

    public @Nullable Long getCancelledByStaffId() {
        return cancelledByStaffId;
    }

    public @Nullable Instant getCancelledAt() {
        return cancelledAt;
    }

    public @Nullable CancelKind getCancelKind() {
        return cancelKind;
    }

    public @Nullable Instant getOriginalStartsAt() {
        return originalStartsAt;
    }

    @Nullable Long createdBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
