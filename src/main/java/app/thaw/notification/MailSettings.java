package app.thaw.notification;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How email goes out (thaw.mail.* in configuration). SMTP itself is Spring's spring.mail.*; without
 * spring.mail.host nothing is sent and every message stays in the outbox as captured.
 *
 * @param from           sender, e.g. "Thaw Therapy &lt;no-reply@thaw.example&gt;"; unset: the practice's name and email
 * @param maxAttempts    delivery attempts before a message is marked FAILED
 * @param firstRetry     wait after the first failed attempt; doubled after each further one
 * @param maxRetry       the longest wait between attempts
 * @param batchSize      messages one sender run claims at most
 * @param claimLease     how long a claimed message is left to the instance sending it before another may retry it
 * @param reminderLead   how long before a session its reminder goes out
 */
@ConfigurationProperties("thaw.mail")
record MailSettings(@Nullable String from,
                    @DefaultValue("10") int maxAttempts,
                    @DefaultValue("1m") Duration firstRetry,
                    @DefaultValue("1h") Duration maxRetry,
                    @DefaultValue("20") int batchSize,
                    @DefaultValue("5m") Duration claimLease,
                    @DefaultValue("24h") Duration reminderLead) {

    /** The wait after the given number of failed attempts: 1 min, 2, 4 … capped. */
    Duration retryDelay(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
