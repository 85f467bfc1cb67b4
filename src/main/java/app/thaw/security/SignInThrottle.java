package app.thaw.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * After 10 failed sign-ins within 15 minutes for one account (50 for one address, which a whole practice
 * may share behind one router), further tries are refused for a delay that doubles with each failure
 * (1 minute up to an hour). Kept in PostgreSQL so every instance applies the same count.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES = 10;
    static final int FREE_FAILURES_PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_BLOCK = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignInThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String accountKey(String username) {
        return "account:" + username.strip().toLowerCase(Locale.ROOT);
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    @Transactional(readOnly = true)
    boolean isBlocked(String key) {
        Instant now = clock.instant();
        return jdbc.query("select blocked_until from sign_in_throttle where throttle_key = ?",
                (rs, row) -> rs.getTimestamp(1), truncate(key)).stream()
                .anyMatch(until -> until != null && until.toInstant().isAfter(now));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String key) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        jdbc.update("""
                insert into sign_in_throttle (throttle_key, failures, window_started) values (?, 1, ?)
                on conflict (throttle_key) do update
                   set failures = case when sign_in_throttle.window_started < ? and
                                            (sign_in_throttle.blocked_until is null or sign_in_throttle.blocked_until < ?)
                                       then 1 else sign_in_throttle.failures + 1 end,
                       window_started = case when sign_in_throttle.window_started < ? and
                                            (sign_in_throttle.blocked_until is null or sign_in_throttle.blocked_until < ?)
                                       then excluded.window_started else sign_in_throttle.window_started end""",
                truncate(key), Timestamp.from(now), windowStart, Timestamp.from(now), windowStart, Timestamp.from(now));
        Integer failures = jdbc.queryForObject("select failures from sign_in_throttle where throttle_key = ?",
                Integer.class, truncate(key));
        int free = key.startsWith("address:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES;
        if (failures != null && failures >= free) {
            jdbc.update("update sign_in_throttle set blocked_until = ? where throttle_key = ?",
                    Timestamp.from(now.plus(blockFor(failures - free + FREE_FAILURES))), truncate(key));
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String key) {
        jdbc.update("delete from sign_in_throttle where throttle_key = ?", truncate(key));
    }

    /** 1 minute at the 10th failure, doubling each time, never more than an hour. */
    static Duration blockFor(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 6);
        Duration block = Duration.ofMinutes(1L << doublings);
        return block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block;
    }

    private static String truncate(String key) {
        return key.length() <= 140 ? key : key.substring(0, 140);
    }
}
