package app.thaw.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An email the practice wrote to one address, with its text as sent (secrets in links hidden). */
public record SentEmail(EmailKind kind, String recipient, String subject, String body, OutboxStatus status,
                        Instant createdAt, @Nullable Instant sentAt, boolean hadCalendarInvite) {
}
