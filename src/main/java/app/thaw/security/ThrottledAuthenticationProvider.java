package app.thaw.security;

import java.time.Clock;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password step of staff sign-in, refused while an account or an address is throttled. A throttled try gets
 * the same message as a wrong password, so nobody learns whether an account exists. A right password yields only
 * a {@link PasswordVerifiedAuthentication}: the staff role comes with the second factor.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;

    private final Clock clock;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
                                    Clock clock) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = SignInThrottle.accountKey(String.valueOf(authentication.getName()));
        String address = SignInThrottle.addressKey(clientAddress());
        if (throttle.isBlocked(account) || throttle.isBlocked(address)) {
            throttle.recordFailure(account);
            throttle.recordFailure(address);
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = super.authenticate(authentication);
            // the failure count is cleared only once the second factor is right too (SecondFactorService)
            if (result.getPrincipal() instanceof StaffUser user) {
                return new PasswordVerifiedAuthentication(new PendingSignIn(user.id(), user.username(),
                        user.displayName()), clock.instant());
            }
            throw new BadCredentialsException("Bad credentials");
        } catch (AuthenticationException failed) {
            throttle.recordFailure(account);
            throttle.recordFailure(address);
            throw failed;
        }
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "unknown";
    }
}
