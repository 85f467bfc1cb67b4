package app.thaw.security;

import java.time.Instant;
import java.util.List;

/**
 * Too many failed sign-ins paused an account's sign-in until {@code until}: everywhere but the browsers it signed in
 * on before, or, when {@code oneKnownBrowser}, on one of those browsers only. The owner and the active practice
 * managers are told; a practice manager can lift the pause from the Team page.
 */
public record SignInPaused(long staffId, String displayName, String email, Instant until, boolean oneKnownBrowser,
                           List<Recipient> practiceManagers) {

    public record Recipient(String displayName, String email) {
    }
}
