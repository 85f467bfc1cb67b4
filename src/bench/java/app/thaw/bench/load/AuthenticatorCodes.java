package app.thaw.bench.load;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import app.thaw.security.TotpCodes;

/**
 * What a staff member's authenticator app shows, for the second step of sign-in. The app refuses a code whose
 * 30-second step was already used (a replay), yet the benchmarks sign the same few accounts in hundreds of times:
 * on a bench database they can reach, they forget the account's last used step first, as the tests' helper
 * does; against an app elsewhere ({@code --url}) they wait for the account's next step.
 */
public final class AuthenticatorCodes implements Closeable {

    private final String secret;
    private final BenchDatabase db;
    private final Map<String, Long> lastStep = new HashMap<>();
    private Connection connection;

    AuthenticatorCodes(String secret, BenchDatabase db) {
        this.secret = secret;
        this.db = db;
    }

    public synchronized String codeFor(String username) throws IOException, InterruptedException {
        if (db != null) {
            forgetLastUsedStep(username);
            return TotpCodes.codeAt(secret, Instant.now());
        }
        long step = TotpCodes.step(Instant.now());
        long last = lastStep.getOrDefault(username, Long.MIN_VALUE);
        if (step <= last) {
            Thread.sleep((last + 1) * TotpCodes.PERIOD_SECONDS * 1000 - System.currentTimeMillis() + 50);
            step = TotpCodes.step(Instant.now());
        }
        lastStep.put(username, step);
        return TotpCodes.codeAt(secret, Instant.now());
    }

    private void forgetLastUsedStep(String username) throws IOException {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(db.url(), db.username(), db.password());
            }
            try (var update = connection.prepareStatement("""
                    update staff_second_factor set last_used_step = null
                     where staff_id = (select id from staff_account where lower(username) = lower(?))""")) {
                update.setString(1, username);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IOException("Could not reset the replay guard of " + username, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
