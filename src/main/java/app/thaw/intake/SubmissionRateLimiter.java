package app.thaw.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A token bucket per client address for the public form: a household can send a few forms in a row, a script
 * cannot send hundreds. Kept in PostgreSQL, so the limit holds across every app instance behind the proxy. The
 * address is the one the edge decided (a trusted proxy's X-Forwarded-For, else the peer).
 */
@Component
class SubmissionRateLimiter {

    private static final int KEY_MAX = 80;

    private final int capacity;
    private final Duration refillEvery;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SubmissionRateLimiter(@Value("${thaw.intake.rate-limit.capacity:5}") int capacity,
                          @Value("${thaw.intake.rate-limit.refill-every:PT1M}") Duration refillEvery,
                          JdbcTemplate jdbc, Clock clock) {
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean tryAcquire(String clientAddress) {
        Instant now = clock.instant();
        String key = clientAddress.length() <= KEY_MAX ? clientAddress : clientAddress.substring(0, KEY_MAX);
        Timestamp at = Timestamp.from(now);
        jdbc.update("insert into intake_rate_limit (bucket_key, tokens, updated_at) values (?, ?, ?) "
                + "on conflict (bucket_key) do nothing", key, (double) capacity, at);
        // refill by the time passed, then take one token if there is one; a refusal leaves the bucket as it was
        int taken = jdbc.update("""
                update intake_rate_limit
                   set tokens = least(?, tokens + extract(epoch from (cast(? as timestamptz) - updated_at)) * 1000 / ?) - 1, updated_at = ?
                 where bucket_key = ? and least(?, tokens + extract(epoch from (cast(? as timestamptz) - updated_at)) * 1000 / ?) >= 1""",
                (double) capacity, at, (double) refillEvery.toMillis(), at, key,
                (double) capacity, at, (double) refillEvery.toMillis());
        if (Math.floorMod(now.getNano(), 100) == 0) {
            // now and then, forget buckets that have long been full again
            jdbc.update("delete from intake_rate_limit where updated_at < ?",
                    Timestamp.from(now.minus(refillEvery.multipliedBy(capacity + 1L))));
        }
        return taken == 1;
    }
}
