package app.thaw.security;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.base.web.ClientAddress;

/**
 * Decides whether a sign-in try (password or code) may be checked at all, and counts the failures: per account and
 * per address, or, from a browser the account has signed in on before, per that browser only. A pause starting on
 * either is announced once ({@link SignInPaused}).
 */
@Component
class SignInAttempts {

    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    SignInAttempts(SignInThrottle throttle, KnownDevices devices, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.devices = devices;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Whether tries for this username from this request are paused now. */
    boolean paused(String username) {
        Optional<Long> device = devices.forUsername(username);
        if (device.isPresent()) {
            return throttle.isBlocked(SignInThrottle.deviceKey(device.get()));
        }
        return throttle.isBlocked(SignInThrottle.accountKey(username))
                || throttle.isBlocked(SignInThrottle.addressKey(address()));
    }

    /** A wrong password or code (or a try refused because paused, which counts nothing). */
    void failed(String username) {
        Optional<Long> device = devices.forUsername(username);
        if (device.isPresent()) {
            throttle.recordFailure(SignInThrottle.deviceKey(device.get()))
                    .ifPresent(until -> paused(username, until, true));
            return;
        }
        throttle.recordFailure(SignInThrottle.addressKey(address()));
        throttle.recordFailure(SignInThrottle.accountKey(username)).ifPresent(until -> paused(username, until, false));
    }

    private void paused(String username, java.time.Instant until, boolean oneKnownBrowser) {
        var managers = jdbc.query("select display_name, email from staff_account where role = 'ADMIN' and active "
                + "order by id", (rs, row) -> new SignInPaused.Recipient(rs.getString(1), rs.getString(2)));
        jdbc.query("select id, display_name, email from staff_account where lower(username) = lower(?) and active",
                (rs, row) -> new SignInPaused(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
                        until, oneKnownBrowser, managers), username.strip()).forEach(events::publishEvent);
    }

    /** Both factors right: the account's count starts afresh and this browser becomes (or stays) known. */
    void succeeded(long staffId, String username) {
        throttle.recordSuccess(SignInThrottle.accountKey(username));
        devices.forUsername(username).ifPresent(device -> throttle.recordSuccess(SignInThrottle.deviceKey(device)));
        devices.remember(staffId);
    }

    static String address() {
        return ClientAddress.current().orElse("unknown");
    }
}
