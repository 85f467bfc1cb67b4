package app.thaw.security.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;

/** A staff member's TOTP authenticator: usable for sign-in only once confirmed with a first code. */
@Entity
@Table(name = "staff_second_factor")
public class StaffSecondFactor extends AbstractEntity {

    /** Column width: room for the base32 secret once it is encrypted at rest. */
    public static final int SECRET_COLUMN_MAX = 512;

    @Column(name = "staff_id", nullable = false, updatable = false)
    private long staffId;

    // the shared secret: never logged, never shown again after enrolment
    @Column(nullable = false, length = SECRET_COLUMN_MAX)
    @Convert(converter = SecondFactorSecretColumn.class)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private @Nullable Instant confirmedAt;

    @Column(name = "last_used_step")
    private @Nullable Long lastUsedStep;

    protected StaffSecondFactor() {
    }

    public StaffSecondFactor(long staffId, String secret, Instant createdAt) {
        this.staffId = staffId;
        this.secret = secret;
        this.createdAt = createdAt;
    }

    public long getStaffId() {
        return staffId;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public @Nullable Instant getConfirmedAt() {
        return confirmedAt;
    }

    public @Nullable Long getLastUsedStep() {
        return lastUsedStep;
    }

    /** A fresh secret while enrolling; a confirmed authenticator is only replaced by an admin reset. */
    public void replaceUnconfirmedSecret(String newSecret, Instant now) {
        if (isConfirmed()) {
            throw new IllegalStateException("A confirmed authenticator is only replaced after a reset");
        }
        this.secret = newSecret;
        this.createdAt = now;
    }

    public void confirm(Instant now, long step) {
        this.confirmedAt = now;
        this.lastUsedStep = step;
    }

    public void used(long step) {
        this.lastUsedStep = step;
    }

    @Override
    public String toString() {
        return "StaffSecondFactor[staffId=" + staffId + ", confirmed=" + isConfirmed() + "]";
    }
}
