package app.thaw.security;

import java.time.Duration;

/** Why a staff member was sent a one-use link to choose a password, and how long it stays open. */
public enum LinkPurpose {
    /** A new account: long enough to cover a weekend. */
    INVITATION(Duration.ofHours(72)),
    /** An existing account whose password an admin reset: the same window, renewable the same way. */
    RESET(Duration.ofHours(72));

    private final Duration validFor;

    LinkPurpose(Duration validFor) {
        this.validFor = validFor;
    }

    public Duration validFor() {
        return validFor;
    }
}
