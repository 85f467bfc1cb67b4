package app.thaw.scheduling.domain;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** Extra hours on one date, beyond the usual week (time away is {@link TimeAway}). */
@Entity
@Table(name = "working_exception")
public class WorkingException {

    public static final int NOTE_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "therapist_id", nullable = false)
    private long therapistId;

    @Column(nullable = false)
    private LocalDate day;

    @Column(nullable = false, length = 12)
    private String kind;

    private @Nullable LocalTime starts;

    private @Nullable LocalTime ends;

    @Column(length = NOTE_MAX)
    private @Nullable String note;

    protected WorkingException() {
    }

    public WorkingException(long therapistId, LocalDate day, boolean extra, @Nullable LocalTime starts,
                            @Nullable LocalTime ends, @Nullable String note) {
        this.therapistId = therapistId;
        this.day = day;
        this.kind = extra ? "EXTRA" : "UNAVAILABLE";
        this.starts = starts;
        this.ends = ends;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public long getTherapistId() {
        return therapistId;
    }

    public LocalDate getDay() {
        return day;
    }

    public boolean isExtra() {
        return "EXTRA".equals(kind);
    }

    public @Nullable LocalTime getStarts() {
        return starts;
    }

    public @Nullable LocalTime getEnds() {
        return ends;
    }

    public @Nullable String getNote() {
        return note;
    }
}
