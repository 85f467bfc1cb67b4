package app.thaw.dev;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import app.thaw.security.DemoCodeHint;
import app.thaw.security.TotpCodes;

/**
 * So that someone trying the demo is not stopped by the second step: the verification page shows a demo
 * account's current code. The bean exists in the dev profile only and checks the profile again itself.
 */
@Component
@Profile("dev")
class DevDemoCodeHint implements DemoCodeHint {

    private final Environment environment;

    DevDemoCodeHint(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> currentCode(String secret, Instant now) {
        if (!environment.matchesProfiles("dev") || !DemoStaffAccounts.DEMO_TOTP_SECRET.equals(secret)) {
            return Optional.empty();
        }
        return Optional.of(TotpCodes.codeAt(secret, now));
    }
}
