package app.thaw.security;

import org.jspecify.annotations.Nullable;

/**
 * A staff member's name and address as saved; {@code newLink} is the password link sent to a new address in place of
 * the one the old address had (shown once to the practice manager), or null when none was waiting.
 */
public record ChangedDetails(String displayName, String email, boolean emailChanged, @Nullable IssuedLink newLink) {
}
