package app.thaw.security;

import java.time.Clock;
import java.util.ArrayList;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

import app.thaw.security.SecondFactorEvent.Kind;

/**
 * How the second step of a sign-in ends (SecondFactorService): the full sign-in once a code is right, or a refusal
 * that counts towards the same pause as wrong passwords.
 */
@Component
class SignInCompletion {

    private final StaffAccountService staff;
    private final SignInAttempts attempts;
    private final SignInSessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInCompletion(StaffAccountService staff, SignInAttempts attempts, SignInSessions sessions,
                     ApplicationEventPublisher events, Clock clock) {
        this.staff = staff;
        this.attempts = attempts;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** Swaps the half sign-in for the full one: role, both factors, new session id, audited as a sign-in. */
    void complete(PasswordVerifiedAuthentication half, String factor) {
        var user = (StaffUser) staff.loadUserByUsername(half.getPrincipal().username());
        if (!user.isEnabled() || user.id() != half.getPrincipal().staffId()) {
            throw new AuthenticationCredentialsNotFoundException("The account can no longer sign in");
        }
        var authorities = new ArrayList<GrantedAuthority>(user.getAuthorities());
        half.getAuthorities().stream()
                .filter(authority -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority()))
                .forEach(authorities::add);
        authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(clock.instant()).build());
        var full = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        sessions.signIn(full);
        attempts.succeeded(user.id(), user.username());
        events.publishEvent(new AuthenticationSuccessEvent(full));
    }

    /** Too many wrong tries: the same pause as after wrong passwords. */
    boolean paused(PendingSignIn who) {
        return attempts.paused(who.username());
    }

    /** A wrong code counts towards the pause and is audited. */
    void refused(PendingSignIn who) {
        attempts.failed(who.username());
        events.publishEvent(new SecondFactorEvent(Kind.CODE_REFUSED, who.staffId(), who.username(),
                who.displayName(), null));
    }
}
