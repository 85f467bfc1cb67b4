package app.thaw.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import app.thaw.base.domain.SecretToken;

/**
 * Browsers a staff member has completed sign-in on (OWASP's "device cookie"). Failures made elsewhere never pause
 * sign-in from them: their own failures count against that browser alone. The cookie holds a random secret; the
 * database keeps its SHA-256 and whose it is.
 */
@Component
class KnownDevices {

    static final String COOKIE = "thaw-known-device";
    static final Duration LIFETIME = Duration.ofDays(180);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    KnownDevices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The id of this browser's record when it is known for the account with this username. */
    @Transactional(readOnly = true)
    Optional<Long> forUsername(String username) {
        return token().flatMap(token -> jdbc.query("""
                select d.id from sign_in_device d join staff_account a on a.id = d.staff_id
                 where d.token_hash = ? and lower(a.username) = lower(?) and d.last_used_at > ?""",
                (rs, row) -> rs.getLong(1), SecretToken.hash(token), username,
                Timestamp.from(clock.instant().minus(LIFETIME))).stream().findFirst());
    }

    /** After a full sign-in: keeps this browser known for the staff member (or makes it so) for 180 days more. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void remember(long staffId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getResponse() == null) {
            return;
        }
        var now = Timestamp.from(clock.instant());
        var known = token().map(token -> jdbc.update("update sign_in_device set last_used_at = ? "
                + "where token_hash = ? and staff_id = ?", now, SecretToken.hash(token), staffId)).orElse(0);
        if (known > 0) {
            return;
        }
        String token = SecretToken.generate();
        jdbc.update("insert into sign_in_device (staff_id, token_hash, created_at, last_used_at) values (?, ?, ?, ?)",
                staffId, SecretToken.hash(token), now, now);
        HttpServletRequest request = attributes.getRequest();
        var cookie = ResponseCookie.from(COOKIE, token).path("/").httpOnly(true).secure(request.isSecure())
                .sameSite("Strict").maxAge(LIFETIME).build();
        attributes.getResponse().addHeader("Set-Cookie", cookie.toString());
    }

    /** A deactivation, password reset or authenticator reset: no browser of theirs stays trusted. */
    @Transactional(propagation = Propagation.MANDATORY)
    void forget(long staffId) {
        jdbc.update("delete from sign_in_device where staff_id = ?", staffId);
    }

    private static Optional<String> token() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getCookies() != null) {
            for (Cookie cookie : attributes.getRequest().getCookies()) {
                if (COOKIE.equals(cookie.getName()) && SecretToken.isWellFormed(cookie.getValue())) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
