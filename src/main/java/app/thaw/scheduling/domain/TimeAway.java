package app.thaw.scheduling.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.scheduling.AwayReason;

/** A therapist away: whole days from one date to another, or part of one day (V57). */
@Entity
@Table(name = "time_away")
public class TimeAway {

    public static final int NOTE_MAX = 200;
    /** A year and a day: longer absences are a change of the team, not leave. */
    public static final int MAX_DAYS = 367;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "therapist_id", nullable = false, updatable = false)
    private long therapistId;

    @Column(name = "first_day", nullable = false, updatable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false, updatable = false)
    private LocalDate lastDay;

    @Column(updatable = false)
    private @Nullable LocalTime starts;

    @Column(updatable = false)
    private @Nullable LocalTime ends;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private AwayReason reason;

    @Column(length = NOTE_MAX, updatable = false)
    private @Nullable String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private @Nullable Long createdBy;

    protected TimeAway() {
    }

    public TimeAway(long therapistId, LocalDate firstDay, LocalDate lastDay, @Nullable LocalTime starts,
                    @Nullable LocalTime ends, AwayReason reason, @Nullable String note, Instant createdAt,
                    @Nullable Long createdBy) {
        this.therapistId = therapistId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.starts = starts;
        this.ends = ends;
        this.reason = reason;
        this.note = note;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The instants it covers in UK time: midnight to midnight for whole days. */
    public Instant from(ZoneId zone) {
        return (starts == null ? firstDay.atStartOfDay(zone) : firstDay.atTime(starts).atZone(zone)).toInstant();
    }

    public Instant to(ZoneId zone) {
        return (ends == null ? lastDay.plusDays(1).atStartOfDay(zone) : lastDay.atTime(ends).atZone(zone)).toInstant();
    }

    public Long getId() {
        return id;
    }

    public long getTherapistId() {
        return therapistId;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public @Nullable LocalTime getStarts() {
        return starts;
    }

    public @Nullable LocalTime getEnds() {
        return ends;
    }

    public AwayReason getReason() {
        return reason;
    }

    public @Nullable String getNote() {
        return note;
    }
}
