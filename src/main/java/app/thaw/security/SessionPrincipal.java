package app.thaw.security;

import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
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
}
