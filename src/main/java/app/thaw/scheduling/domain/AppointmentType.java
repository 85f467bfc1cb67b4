package app.thaw.scheduling.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.thaw.base.domain.AbstractEntity;

/** A kind of session (assessment, individual, couples) with its default length. */
@Entity
@Table(name = "appointment_type")
public class AppointmentType extends AbstractEntity {

    public static final int MIN_MINUTES = 10;
    public static final int MAX_MINUTES = 240;

    @Column(nullable = false, length = 20, updatable = false)
    private String code;

    @Column(nullable = false, length = 80)
    private String label;

    @Column(name = "default_minutes", nullable = false)
    private int defaultMinutes;

    @Column(nullable = false)
    private boolean couples;

    @Column(nullable = false)
    private boolean active = true;

    protected AppointmentType() {
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public int getDefaultMinutes() {
        return defaultMinutes;
    }

    public boolean isCouples() {
        return couples;
    }

    public boolean isActive() {
        return active;
    }

    public void setDefaultMinutes(int minutes) {
        this.defaultMinutes = minutes;
    }
}
