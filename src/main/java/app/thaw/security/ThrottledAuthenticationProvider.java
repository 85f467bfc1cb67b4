package app.thaw.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password sign-in that refuses while an account or an address is throttled. A throttled try gets the
 * same message as a wrong password, so nobody learns whether an account exists.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
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
            throttle.recordSuccess(account);
            return result;
        } catch (AuthenticationException failed) {
            throttle.recordFailure(account);
            throttle.recordFailure(address);
            throw failed;
        }
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "unknown";
    }
}
