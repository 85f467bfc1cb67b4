package app.thaw.security;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password step of staff sign-in, refused unread while sign-in is paused for the account, the address or this
 * browser. Every refusal has the same message and takes as long as a wrong password, so nobody learns whether an
 * account exists. A right password yields only a {@link PasswordVerifiedAuthentication}: the staff role comes with
 * the second factor. Written out rather than extending Spring's DaoAuthenticationProvider, whose debug log names
 * the username that was typed.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "Bad credentials";

    private final UserDetailsService users;
    private final PasswordEncoder encoder;
    private final SignInAttempts attempts;
    private final Clock clock;
    /** Compared against for unknown usernames, so they cost what a wrong password costs. */
    private final String decoyHash;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInAttempts attempts,
                                    Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.attempts = attempts;
        this.clock = clock;
        this.decoyHash = Objects.requireNonNull(encoder.encode("decoy password for unknown accounts"),
                "a password encodes to a hash");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = String.valueOf(authentication.getName());
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (attempts.paused(username)) {
            // refused unread; a try during a pause never makes the pause longer
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        StaffUser user = find(username);
        boolean matches = encoder.matches(password, user == null ? decoyHash : user.getPassword());
        if (user == null || !matches || !user.isEnabled()) {
            attempts.failed(username);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        // the failure count is cleared only once the second factor is right too (SecondFactorService)
        return new PasswordVerifiedAuthentication(new PendingSignIn(user.id(), user.username(), user.displayName()),
                clock.instant());
    }

    private @Nullable StaffUser find(String username) {
        try {
            return users.loadUserByUsername(username) instanceof StaffUser user ? user : null;
        } catch (UsernameNotFoundException | IllegalArgumentException unknown) {
            return null;
        }
    }
}
