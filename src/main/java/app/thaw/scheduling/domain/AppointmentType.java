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
    public static final int LABEL_MAX = 80;
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

    /** Counts towards a course of treatment; an assessment does not. */
    @Column(nullable = false)
    private boolean treatment = true;

    protected AppointmentType() {
    }

    public AppointmentType(String code, String label, int defaultMinutes, boolean couples, boolean treatment) {
        this.code = code;
        this.label = label;
        this.defaultMinutes = defaultMinutes;
        this.couples = couples;
        this.treatment = treatment;
    }

    public boolean isTreatment() {
        return treatment;
    }

    public void change(String newLabel, int minutes, boolean isTreatment, boolean isActive) {
        this.label = newLabel;
        this.defaultMinutes = minutes;
        this.treatment = isTreatment;
        this.active = isActive;
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
