package app.thaw.scheduling.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/**
 * A day the practice is closed: an England and Wales bank holiday (from the list shipped with Thaw) unless the
 * practice manager opened it, or a closure of the practice's own (V57).
 */
@Entity
@Table(name = "closed_day")
public class ClosedDay {

    public static final int NAME_MAX = 80;

    @Id
    private LocalDate day;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "bank_holiday", nullable = false, updatable = false)
    private boolean bankHoliday;

    @Column(nullable = false)
    private boolean open;

    @Column(name = "changed_at")
    private @Nullable Instant changedAt;

    @Column(name = "changed_by")
    private @Nullable Long changedBy;

    protected ClosedDay() {
    }

    public ClosedDay(LocalDate day, String name, boolean bankHoliday, Instant at, @Nullable Long by) {
        this.day = day;
        this.name = name;
        this.bankHoliday = bankHoliday;
        this.changedAt = at;
        this.changedBy = by;
    }

    public void setOpen(boolean open, Instant at, long by) {
        this.open = open;
        this.changedAt = at;
        this.changedBy = by;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getName() {
        return name;
    }

    public boolean isBankHoliday() {
        return bankHoliday;
    }

    public boolean isOpen() {
        return open;
    }
}
