package app.thaw.security;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Who a session is signed in as, read where Spring Security keeps it, for the filters that run before it does. */
final class SessionPrincipal {

    private SessionPrincipal() {
    }

    /** The principal ({@link StaffUser}, {@link PendingSignIn} …), or null for a session nobody signed in to. */
    static @Nullable Object of(@Nullable HttpSession session) {
        if (session != null && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context && context.getAuthentication() != null) {
            return context.getAuthentication().getPrincipal();
        }
        return null;
    }

    /**
     * The same sign-in with the staff member as their account is now: the authorities (both factors and when they were
     * given) and the details stay as they were.
     */
    static SecurityContext renewed(@Nullable Authentication previous, StaffUser updated) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(updated, null,
                previous == null ? updated.getAuthorities() : previous.getAuthorities());
        if (previous != null) {
            authentication.setDetails(previous.getDetails());
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        return context;
    }
}
