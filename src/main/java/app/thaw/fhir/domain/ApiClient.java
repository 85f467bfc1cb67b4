package app.thaw.fhir.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.AbstractEntity;

/** Another clinical system allowed to read the FHIR API: its scopes, and the SHA-256 of its bearer token. */
@Entity
@Table(name = "fhir_api_client")
public class ApiClient extends AbstractEntity {

    /** Also the migration's check and the form's limit. */
    public static final int NAME_MAX = 100;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(nullable = false, length = 1000)
    private String scopes;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "revoked_by")
    private @Nullable Long revokedBy;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    protected ApiClient() {
    }

    public ApiClient(String name, Set<String> scopes, String tokenHash, Instant createdAt, long createdBy,
                     Instant expiresAt) {
        this.name = name;
        this.scopes = String.join(" ", scopes);
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(long staffId, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = staffId;
        }
    }

    public String getName() {
        return name;
    }

    public Set<String> getScopes() {
        return new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getCreatedBy() {
        return createdBy;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public @Nullable Instant getRevokedAt() {
        return revokedAt;
    }

    public @Nullable Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
