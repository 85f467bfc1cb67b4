package app.thaw.security;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The result of the password step: the {@code FACTOR_PASSWORD} factor and the {@link Roles#PASSWORD_VERIFIED}
 * role, no staff role. It declares no {@code toBuilder()} on purpose, so Spring Security never merges it into
 * an earlier sign-in's authorities.
 */
final class PasswordVerifiedAuthentication extends AbstractAuthenticationToken {

    private final PendingSignIn principal;

    PasswordVerifiedAuthentication(PendingSignIn principal, Instant verifiedAt) {
        super(List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(verifiedAt).build(),
                new SimpleGrantedAuthority("ROLE_" + Roles.PASSWORD_VERIFIED)));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PendingSignIn getPrincipal() {
        return principal;
    }
}
