package app.thaw.security;

import java.util.function.Supplier;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Vaadin's strategy, except that work the practice runs as the system is seen as the system: Vaadin answers with the
 * signed-in staff member's session context first and ignores the thread's, so without this {@link SystemActor} had no
 * effect inside a staff member's request and methods open only to the system refused that person.
 */
final class SystemAwareContextStrategy implements SecurityContextHolderStrategy {

    private static final ThreadLocal<SecurityContext> ACTING = new ThreadLocal<>();

    private final SecurityContextHolderStrategy vaadin = new VaadinAwareSecurityContextHolderStrategy();

    static <T> T actingAs(SecurityContext context, Supplier<T> work) {
        SecurityContext previous = ACTING.get();
        ACTING.set(context);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ACTING.remove();
            } else {
                ACTING.set(previous);
            }
        }
    }

    @Override
    public SecurityContext getContext() {
        SecurityContext acting = ACTING.get();
        return acting != null ? acting : vaadin.getContext();
    }

    @Override
    public void setContext(SecurityContext context) {
        if (ACTING.get() != null) {
            ACTING.set(context);
        } else {
            vaadin.setContext(context);
        }
    }

    @Override
    public void clearContext() {
        if (ACTING.get() != null) {
            ACTING.set(createEmptyContext());
        } else {
            vaadin.clearContext();
        }
    }

    @Override
    public SecurityContext createEmptyContext() {
        return vaadin.createEmptyContext();
    }
}
