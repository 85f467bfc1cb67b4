package app.thaw.fhir;

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

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final StaffAccountService staff;
    private final Clock clock;

    ApiClients(ApiClientRepository clients, AuditLog auditLog, CurrentUser currentUser, StaffAccountService staff,
               Clock clock) {
        this.clients = clients;
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
    public void revoke(long clientId) {
        ApiClient client = clients.findById(clientId)
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
     * neither revoked nor expired. Called for every API request, before anyone is signed in.
     */
    @PermitAll
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)
                || !SecretToken.isWellFormed(token.substring(TOKEN_PREFIX.length()))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return clients.findByTokenHash(SecretToken.hash(token)).filter(c -> c.isUsableAt(now)).map(client -> {
            if (client.getLastUsedAt() == null || client.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                client.usedAt(now);
            }
            var authorities = new java.util.ArrayList<GrantedAuthority>();
            authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.API_CLIENT));
            client.getScopes().forEach(scope -> authorities.add(
                    new SimpleGrantedAuthority(ApiScopes.AUTHORITY_PREFIX + scope)));
            return UsernamePasswordAuthenticationToken.authenticated(actorName(client), null, authorities);
        });
    }

    /** How the audit log names the client: "API client «OpenEMR bridge» #3". */
    static String actorName(ApiClient client) {
        String name = client.getName().length() > 90 ? client.getName().substring(0, 90) : client.getName();
        return "API client «" + name + "» #" + client.getId();
    }
}
