package app.thaw.care.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.care.CareEvent;
import app.thaw.care.CareEventKind;
import app.thaw.care.TherapyOutcome;

/** One stored event of a case's course of care; append-only (the database refuses changes). */
@Entity
@Table(name = "care_event")
public class CareEventRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "intake_id", nullable = false, updatable = false)
    private long intakeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24, updatable = false)
    private CareEventKind kind;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "actor_id", updatable = false)
    private @Nullable Long actorId;

    @Column(name = "appointment_id", updatable = false)
    private @Nullable Long appointmentId;

    @Column(updatable = false)
    private @Nullable Boolean treatment;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, updatable = false)
    private @Nullable TherapyOutcome outcome;

    @Column(name = "referral_kind", length = 30, updatable = false)
    private @Nullable String referralKind;

    protected CareEventRecord() {
    }

    public CareEventRecord(long intakeId, CareEvent event, @Nullable Long actorId, Instant recordedAt) {
        this.intakeId = intakeId;
        this.kind = event.kind();
        this.occurredAt = event.occurredAt();
        this.recordedAt = recordedAt;
        this.actorId = actorId;
        this.appointmentId = event.appointmentId();
        this.treatment = event.kind().isSession() ? event.treatment() : null;
        this.outcome = event.outcome();
        this.referralKind = event.referralKind();
    }

    public CareEvent event() {
        return new CareEvent(kind, occurredAt, appointmentId, Boolean.TRUE.equals(treatment), outcome, referralKind);
    }

    public long getIntakeId() {
        return intakeId;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public @Nullable Long getActorId() {
        return actorId;
    }
}
