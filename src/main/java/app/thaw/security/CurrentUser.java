package app.thaw.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The staff member behind the current request or Vaadin UI access. */
@Component
public class CurrentUser {

    public Optional<StaffUser> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public StaffUser require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No staff member is signed in"));
    }
}
