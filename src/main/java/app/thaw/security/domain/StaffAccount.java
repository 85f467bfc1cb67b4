package app.thaw.security.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;
import app.thaw.security.StaffRole;

/** A therapist or practice manager who signs in. */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends AbstractEntity {

    public static final int USERNAME_MAX = 64;
    public static final int DISPLAY_NAME_MAX = 120;
    public static final int EMAIL_MAX = 254;

    @Column(nullable = false, length = USERNAME_MAX)
    private String username;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(nullable = false, length = EMAIL_MAX)
    private String email;

    /** Null until an invited person chooses a password, and again after a reset until they choose a new one. */
    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private StaffRole role;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Sessions signed in under an older generation end at their next request (see RevokedSessionFilter). */
    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    protected StaffAccount() {
    }

    public StaffAccount(String username, String displayName, String email, @Nullable String passwordHash,
                        StaffRole role, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public @Nullable String getPasswordHash() {
        return passwordHash;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public StaffRole getRole() {
        return role;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    /** A new password ends every session signed in with the old one. */
    public void setPassword(String hash) {
        this.passwordHash = hash;
        endSessions();
    }

    /** After an admin's reset the old password stops working at once, until the new one is chosen. */
    public void clearPassword() {
        this.passwordHash = null;
        endSessions();
    }

    /** A lost authenticator may be in someone else's hands, so every session signed in with it ends. */
    public void authenticatorReset() {
        endSessions();
    }

    /** Sessions carry the role they signed in with, so a new role needs a new sign-in. */
    public void changeRole(StaffRole newRole) {
        this.role = newRole;
        endSessions();
    }

    /** A corrected name or address; they sign in with their username, which stays, so their sessions go on. */
    public void changeDetails(String newDisplayName, String newEmail) {
        this.displayName = newDisplayName;
        this.email = newEmail;
    }

    public void deactivate() {
        this.active = false;
        endSessions();
    }

    public void reactivate() {
        this.active = true;
    }

    public void endSessions() {
        sessionGeneration++;
    }
}
