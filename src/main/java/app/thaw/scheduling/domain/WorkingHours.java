package app.thaw.scheduling.domain;

import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One block of a therapist's usual week, in UK local time. */
@Entity
@Table(name = "working_hours")
public class WorkingHours {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "therapist_id", nullable = false)
    private long therapistId;

    @Column(name = "day_of_week", nullable = false)
    private short dayOfWeek;

    @Column(nullable = false)
    private LocalTime starts;

    @Column(nullable = false)
    private LocalTime ends;

    protected WorkingHours() {
    }

    public WorkingHours(long therapistId, java.time.DayOfWeek day, LocalTime starts, LocalTime ends) {
        this.therapistId = therapistId;
        this.dayOfWeek = (short) day.getValue();
        this.starts = starts;
        this.ends = ends;
    }

    public Long getId() {
        return id;
    }

    public long getTherapistId() {
        return therapistId;
    }

    public java.time.DayOfWeek getDay() {
        return java.time.DayOfWeek.of(dayOfWeek);
    }

    public LocalTime getStarts() {
        return starts;
    }

    public LocalTime getEnds() {
        return ends;
    }
}
