package app.thaw.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for the public form: a household can send a few forms in a row,
 * a script cannot send hundreds. Held per app instance; sticky sessions keep a client on one.
 */
@Component
class SubmissionRateLimiter {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final int capacity;
    private final Duration refillEvery;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    SubmissionRateLimiter(@Value("${thaw.intake.rate-limit.capacity:5}") int capacity,
                          @Value("${thaw.intake.rate-limit.refill-every:PT1M}") Duration refillEvery, Clock clock) {
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.clock = clock;
    }

    boolean tryAcquire(String clientAddress) {
        Instant now = clock.instant();
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(clientAddress, address -> new Bucket(capacity, now)).take(now);
    }

    private final class Bucket {

        private double tokens;
        private Instant updated;

        Bucket(int tokens, Instant now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean take(Instant now) {
            refill(now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean isFull(Instant now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(Instant now) {
            double earned = (double) Duration.between(updated, now).toMillis() / refillEvery.toMillis();
            tokens = Math.min(capacity, tokens + earned);
            updated = now;
        }
    }
}
