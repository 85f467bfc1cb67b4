package app.thaw.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Only the dev profile provides one (see {@code app.thaw.dev}): someone trying the demo sees a demo account's
 * current code on the verification page. No bean, no hint — as in production and tests.
 */
public interface DemoCodeHint {

    Optional<String> currentCode(String secret, Instant now);
}
