package app.thaw.security.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;
import app.thaw.security.LinkPurpose;

/** A one-use link for a staff member to choose a password; only the SHA-256 of its secret is kept. */
@Entity
@Table(name = "staff_password_link")
public class PasswordLink extends AbstractEntity {

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private LinkPurpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private @Nullable Long createdBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    protected PasswordLink() {
    }

    public PasswordLink(long staffId, LinkPurpose purpose, String tokenHash, Instant createdAt,
                        @Nullable Long createdBy) {
        this.staffId = staffId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = createdAt.plus(purpose.validFor());
    }

    public long getStaffId() {
        return staffId;
    }

    public LinkPurpose getPurpose() {
        return purpose;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public @Nullable Instant getUsedAt() {
        return usedAt;
    }

    public @Nullable Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isOpen() {
        return usedAt == null && revokedAt == null;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    /** A newer link, a deactivation or a password set another way closes this one. */
    public void revoke(Instant now) {
        this.revokedAt = now;
    }
}
