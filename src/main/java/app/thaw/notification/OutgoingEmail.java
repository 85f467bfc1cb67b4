package app.thaw.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An email ready for the outbox: rendered text, optional .ics, and the key that makes it unique. */
record OutgoingEmail(String idempotencyKey, EmailKind kind, String recipient, String subject, String body,
                     @Nullable String ics, @Nullable String icsMethod, @Nullable Long appointmentId,
                     @Nullable Integer sequence, @Nullable Instant dueAt, @Nullable Instant notAfter) {

    static OutgoingEmail plain(String key, EmailKind kind, String recipient, String subject, String body) {
        return new OutgoingEmail(key, kind, recipient, subject, body, null, null, null, null, null, null);
    }
}
