package app.thaw.security;

import java.time.Instant;

/** A password link just made: shown once to the admin to copy, and emailed; never stored in this form. */
public record IssuedLink(String url, Instant expiresAt, String recipientName, String recipientEmail) {
}
