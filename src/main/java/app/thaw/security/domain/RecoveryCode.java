package app.thaw.security.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;

/** One recovery code, stored as its SHA-256 hash; good for a single sign-in. */
@Entity
@Table(name = "staff_recovery_code")
public class RecoveryCode extends AbstractEntity {

    /** A SHA-256 in hex. */
    public static final int HASH_LENGTH = 64;

    @Column(name = "staff_id", nullable = false, updatable = false)
    private long staffId;

    @Column(name = "code_hash", nullable = false, length = HASH_LENGTH, updatable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(long staffId, String codeHash, Instant createdAt) {
        this.staffId = staffId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    public long getStaffId() {
        return staffId;
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }
}
