package app.thaw.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import app.thaw.base.domain.DisplayNamed;
import app.thaw.base.domain.HasHome;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member as Spring Security holds them; carries the id so services can check ownership, and
 * the account's session generation at sign-in so a deactivation or new role ends the session.
 */
public record StaffUser(long id, String username, String displayName, StaffRole role, @Nullable String passwordHash,
                        boolean active, int sessionGeneration) implements UserDetails, DisplayNamed, HasHome {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    public boolean isAdmin() {
        return role == StaffRole.ADMIN;
    }

    public boolean isTherapist() {
        return role == StaffRole.THERAPIST;
    }

    /** The same sign-in under the name a practice manager corrected since. */
    public StaffUser withDisplayName(String name) {
        return new StaffUser(id, username, name, role, passwordHash, active, sessionGeneration);
    }

    /** Keeps the password hash and the username out of logs and debug output. */
    @Override
    public String toString() {
        return "StaffUser[id=" + id + ", role=" + role + "]";
    }

    @Override
    public String home() {
        return role.home();
    }
}
