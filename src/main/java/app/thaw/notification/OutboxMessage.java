package app.thaw.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One outbox row as the practice manager sees it in the list; the body is fetched separately. */
public record OutboxMessage(long id, EmailKind kind, String recipient, String subject, OutboxStatus status,
                            int attempts, Instant nextAttemptAt, Instant createdAt, @Nullable Instant sentAt,
                            @Nullable String lastError, boolean hasCalendarInvite) {
}
