package app.thaw.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs practice-side background work (after a client submits, scheduled jobs) under an explicit
 * SYSTEM identity, so service methods can name it in their access rules instead of being left open.
 * Inside a signed-in staff member's Vaadin request the SYSTEM identity applies too, through
 * {@link SystemAwareContextStrategy}; the staff member's own identity returns when the work ends.
 */
public final class SystemActor {

    public static final String NAME = "system";

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.SYSTEM))));
        if (SecurityContextHolder.getContextHolderStrategy() instanceof SystemAwareContextStrategy) {
            return SystemAwareContextStrategy.actingAs(context, work);
        }
        // without the application's strategy (a bare unit test) the thread's own context is the one read
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
