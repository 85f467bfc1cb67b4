package app.thaw.fhir;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.ApiClientId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.domain.SecretToken;
import app.thaw.base.domain.StorableText;
import app.thaw.fhir.domain.ApiClient;
import app.thaw.fhir.domain.ApiClientRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;

/**
 * The systems allowed to read the FHIR API. A practice manager creates one with the scopes it needs and an expiry; its
 * token is shown once (only a SHA-256 is kept, as for password links) and can be revoked at any time.
 */
@Service
@Transactional
public class ApiClients {

    /** Tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
    public static final String TOKEN_PREFIX = "thaw_";
    public static final int MAX_DAYS = 365;
    /** How stale "last used" may get: a write per request would slow every read. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiClientRepository clients;
    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final StaffAccountService staff;
    private final Clock clock;

    ApiClients(ApiClientRepository clients, JdbcTemplate jdbc, AuditLog auditLog, CurrentUser currentUser,
               StaffAccountService staff, Clock clock) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.staff = staff;
        this.clock = clock;
    }

    @RolesAllowed(Roles.ADMIN)
    public IssuedApiToken create(String name, Set<String> scopes, int validDays) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > ApiClient.NAME_MAX || !StorableText.isStorable(clean)) {
            throw new ApiClientRefused("Please give the system a name (up to " + ApiClient.NAME_MAX + " characters).");
        }
        Set<String> granted = new LinkedHashSet<>(scopes == null ? Set.of() : scopes);
        if (granted.isEmpty()) {
            throw new ApiClientRefused("Choose at least one kind of record this system may read.");
        }
        if (!granted.stream().allMatch(ApiScopes::isKnown)) {
            throw new ApiClientRefused("Unknown scope: use one of " + String.join(", ", ApiScopes.grantable()) + ".");
        }
        if (validDays < 1 || validDays > MAX_DAYS) {
            throw new ApiClientRefused("A token is valid for 1 to " + MAX_DAYS + " days.");
        }
        String token = TOKEN_PREFIX + SecretToken.generate();
        Instant now = clock.instant();
        ApiClient client = clients.save(new ApiClient(clean, granted, SecretToken.hash(token), now,
                currentUser.require().id(), now.plus(Duration.ofDays(validDays))));
        auditLog.record(AuditAction.API_CLIENT_CREATED, null, null,
                clean + " (#" + client.getId() + "): " + String.join(" ", granted) + ", " + validDays + " days");
        return new IssuedApiToken(client.getId(), clean, token, client.getExpiresAt());
    }

    @RolesAllowed(Roles.ADMIN)
    public void revoke(ApiClientId clientId) {
        ApiClient client = clients.findById(clientId.value())
                .orElseThrow(() -> new ApiClientRefused("That API client no longer exists."));
        if (client.getRevokedAt() != null) {
            return;
        }
        client.revoke(currentUser.require().id(), clock.instant());
        auditLog.record(AuditAction.API_CLIENT_REVOKED, null, null, client.getName() + " (#" + clientId + ")");
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public List<ApiClientSummary> list() {
        Map<Long, String> names = staff.displayNames();
        Instant now = clock.instant();
        return clients.findAllByOrderByCreatedAtDesc().stream()
                .map(c -> new ApiClientSummary(c.getId(), c.getName(), c.getScopes(), c.getCreatedAt(),
                        names.getOrDefault(c.getCreatedBy(), "Former staff member"), c.getExpiresAt(),
                        c.getRevokedAt(), c.getLastUsedAt(), c.isUsableAt(now)))
                .toList();
    }

    /**
     * The client a bearer token belongs to, as an authentication with its scopes, if the token is one of ours and
     * neither revoked nor expired. Called for every API request, before anyone is signed in: one read by the token's
     * SHA-256 (tokens are random, so no slow hash is needed) outside any transaction, and "last used" written at most
     * once a minute, without touching the row's version (a revocation at that moment still wins).
     */
    @PermitAll
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)
                || !SecretToken.isWellFormed(token.substring(TOKEN_PREFIX.length()))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Usable> found = jdbc.query("select id, name, scopes, last_used_at from fhir_api_client"
                        + " where token_hash = ? and revoked_at is null and expires_at > ?",
                (rs, row) -> new Usable(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                SecretToken.hash(token), Timestamp.from(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Usable client = found.getFirst();
        if (client.lastUsedAt() == null || client.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.update("update fhir_api_client set last_used_at = ? where id = ?"
                    + " and (last_used_at is null or last_used_at < ?)", Timestamp.from(now), client.id(),
                    Timestamp.from(now.minus(LAST_USED_PRECISION)));
        }
        var authorities = new java.util.ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.API_CLIENT));
        for (String scope : client.scopes().split(" ")) {
            authorities.add(new SimpleGrantedAuthority(ApiScopes.AUTHORITY_PREFIX + scope));
        }
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(actorName(client.name(), client.id()),
                null, authorities));
    }

    private record Usable(long id, String name, String scopes, @Nullable Instant lastUsedAt) {
    }

    /** How the audit log names the client: "API client «OpenEMR bridge» #3". */
    static String actorName(String clientName, long clientId) {
        String name = clientName.length() > 90 ? clientName.substring(0, 90) : clientName;
        return "API client «" + name + "» #" + clientId;
    }
}
