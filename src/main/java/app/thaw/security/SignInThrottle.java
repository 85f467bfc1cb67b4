package app.thaw.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins counted per key (an account, an address, a known browser) in PostgreSQL, so every instance applies
 * the same count. 10 failures within 15 minutes for an account (50 for an address, which a whole practice may share
 * behind one router) pause further tries for a minute; each further pause in a row doubles, up to an hour, and a day
 * without one starts again at a minute. Tries made during a pause are refused unread and never lengthen it, so
 * knocking on a paused account cannot keep its owner out. ASVS 5.0 V6.1.1/V6.3.1 (docs/security.md).
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES = 10;
    static final int FREE_FAILURES_PER_ADDRESS = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    static final Duration MAX_BLOCK = Duration.ofHours(1);
    /** A series of pauses is forgotten after a day without one. */
    static final Duration SERIES_FORGOTTEN = Duration.ofDays(1);

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

    static String deviceKey(long deviceId) {
        return "device:" + deviceId;
    }

    @Transactional(readOnly = true)
    boolean isBlocked(String key) {
        return blockedUntil(key).isPresent();
    }

    /** When the pause on this key ends, if one is running now. */
    @Transactional(readOnly = true)
    Optional<Instant> blockedUntil(String key) {
        Instant now = clock.instant();
        return jdbc.query("select blocked_until from sign_in_throttle where throttle_key = ?",
                (rs, row) -> rs.getTimestamp(1), truncate(key)).stream()
                .filter(until -> until != null && until.toInstant().isAfter(now))
                .map(Timestamp::toInstant).findFirst();
    }

    /**
     * When the latest pause on this person's sign-in ends: on their account, or on any browser they have signed in on
     * before (which their manager must see and be able to lift just the same).
     */
    @Transactional(readOnly = true)
    Optional<Instant> accountPausedUntil(long staffId, String username) {
        return jdbc.query("""
                select max(blocked_until) from sign_in_throttle
                 where blocked_until > ? and (throttle_key = ? or throttle_key in
                       (select 'device:' || id from sign_in_device where staff_id = ?))""",
                (rs, row) -> rs.getTimestamp(1), Timestamp.from(clock.instant()), truncate(accountKey(username)),
                staffId).stream().filter(Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    /** A practice manager lifting the pause: the account and every browser of theirs start afresh. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void liftAccount(long staffId, String username) {
        jdbc.update("""
                delete from sign_in_throttle where throttle_key = ? or throttle_key in
                       (select 'device:' || id from sign_in_device where staff_id = ?)""",
                truncate(accountKey(username)), staffId);
    }

    /**
     * Counts one failure, unless the key is paused (then nothing changes). Returns the end of the pause this failure
     * started, if it started one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Instant> recordFailure(String key) {
        Instant now = clock.instant();
        String id = truncate(key);
        jdbc.update("""
                insert into sign_in_throttle (throttle_key, failures, window_started, blocks) values (?, 0, ?, 0)
                on conflict (throttle_key) do nothing""", id, Timestamp.from(now));
        var row = jdbc.queryForMap("""
                select failures, window_started, blocked_until, blocks, last_blocked_at
                  from sign_in_throttle where throttle_key = ? for update""", id);
        Instant blockedUntil = instant(row.get("blocked_until"));
        if (blockedUntil != null && blockedUntil.isAfter(now)) {
            return Optional.empty();
        }
        int failures = ((Number) Objects.requireNonNull(row.get("failures"), "failures is not null")).intValue();
        Instant windowStarted = instant(row.get("window_started"));
        if (windowStarted == null || windowStarted.isBefore(now.minus(WINDOW))
                || blockedUntil != null && windowStarted.isBefore(blockedUntil)) {
            failures = 0;
            windowStarted = now;
        }
        failures++;
        int free = key.startsWith("address:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES;
        if (failures < free) {
            jdbc.update("update sign_in_throttle set failures = ?, window_started = ? where throttle_key = ?",
                    failures, Timestamp.from(windowStarted), id);
            return Optional.empty();
        }
        Instant lastBlocked = instant(row.get("last_blocked_at"));
        int blocks = lastBlocked != null && lastBlocked.isAfter(now.minus(SERIES_FORGOTTEN))
                ? ((Number) Objects.requireNonNull(row.get("blocks"), "blocks is not null")).intValue() + 1 : 1;
        Instant until = now.plus(blockFor(blocks));
        jdbc.update("""
                update sign_in_throttle set failures = 0, window_started = ?, blocked_until = ?, blocks = ?,
                                            last_blocked_at = ?
                 where throttle_key = ?""",
                Timestamp.from(now), Timestamp.from(until), blocks, Timestamp.from(now), id);
        return Optional.of(until);
    }

    /** A full sign-in, or a practice manager lifting the pause: the key starts afresh. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String key) {
        jdbc.update("delete from sign_in_throttle where throttle_key = ?", truncate(key));
    }

    /** The n-th pause in a row: 1 minute, doubling each time, never more than an hour. */
    static Duration blockFor(int pauseInARow) {
        int doublings = Math.clamp(pauseInARow - 1, 0, 6);
        Duration block = FIRST_PAUSE.multipliedBy(1L << doublings);
        return block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block;
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : null;
    }

    private static String truncate(String key) {
        return key.length() <= 140 ? key : key.substring(0, 140);
    }
}
