package app.thaw.intake.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.thaw.base.domain.AbstractEntity;

/** Two partners' intakes seen together by one therapist; joined through a one-time invitation link. */
@Entity
@Table(name = "couple_case")
public class CoupleCase extends AbstractEntity {

    @Column(name = "invitation_token_hash", nullable = false, length = 64)
    private String invitationTokenHash;

    @Column(name = "invitation_expires_at", nullable = false)
    private Instant invitationExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CoupleCase() {
    }

    public CoupleCase(String invitationTokenHash, Instant invitationExpiresAt, Instant createdAt) {
        this.invitationTokenHash = invitationTokenHash;
        this.invitationExpiresAt = invitationExpiresAt;
        this.createdAt = createdAt;
    }

    public boolean invitationOpenAt(Instant now) {
        return now.isBefore(invitationExpiresAt);
    }

    /** A fresh link replaces the old one, which stops working at once. */
    public void renewInvitation(String tokenHash, Instant expiresAt) {
        this.invitationTokenHash = tokenHash;
        this.invitationExpiresAt = expiresAt;
    }

    public void closeInvitation(Instant now) {
        this.invitationExpiresAt = now;
    }

    public Instant getInvitationExpiresAt() {
        return invitationExpiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
