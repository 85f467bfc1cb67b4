package app.thaw.security;

import java.time.Instant;

/** A staff member should be emailed their password link; carries only what that email needs. */
public record StaffLinkIssued(LinkPurpose purpose, String email, String displayName, String url,
                              Instant expiresAt) {
}
