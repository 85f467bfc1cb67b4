package app.thaw.fhir;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** An API client as the practice manager's screen lists it; never the token. */
public record ApiClientSummary(long id, String name, Set<String> scopes, Instant createdAt, String createdBy,
                               Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt,
                               boolean usable) {
}
