package app.thaw.security;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.dev.DemoStaffAccounts;

/** What a staff member's authenticator app would show now, for tests that sign in. */
public final class TotpTestCodes {

    private TotpTestCodes() {
    }

    public static String current(String secret) {
        return TotpCodes.codeAt(secret, Instant.now());
    }

    public static String codeForStep(String secret, long step) {
        return TotpCodes.codeForStep(secret, step);
    }

    /**
     * The demo accounts' current code. Tests sign in as the same demo account many times within one 30-second
     * step, which the app rightly refuses as a replay; so the account's last used step is forgotten first
     * (replay refusal itself is proven in SecondFactorIT with accounts of its own).
     */
    public static String forDemoAccount(JdbcTemplate jdbc, String username) {
        jdbc.update("""
                update staff_second_factor set last_used_step = null
                 where staff_id = (select id from staff_account where lower(username) = lower(?))""", username);
        return current(DemoStaffAccounts.DEMO_TOTP_SECRET);
    }
}
