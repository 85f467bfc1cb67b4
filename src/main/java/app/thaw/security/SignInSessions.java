package app.thaw.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts the full sign-in into the HTTP session once the second factor is right, under a new session id: whoever
 * learnt the id of the half-signed-in session gains nothing from it.
 */
@Component
class SignInSessions {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    void signIn(Authentication full) {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var context = strategy.createEmptyContext();
        context.setAuthentication(full);
        strategy.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            var request = attributes.getRequest();
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            repository.saveContext(context, request, attributes.getResponse());
        }
    }
}
