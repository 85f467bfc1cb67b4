package app.thaw.bench.load;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Signs a staff member in the way a browser does: the login view (page and UI, for Spring Security's CSRF token),
 * the form post, then the second step on /login/verify — the authenticator's code typed and Verify clicked —
 * until the app sends the browser to /staff. Each page left by a full load sends the unload beacon, as browsers do.
 */
public final class StaffSignIn {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String VERIFY_ROUTE = "login/verify";

    private StaffSignIn() {
    }

    public static void signIn(VaadinClient client, String username, String password, AuthenticatorCodes codes)
            throws IOException, InterruptedException {
        var csrf = CSRF.matcher(client.open("login"));
        if (!csrf.find()) {
            throw new IOException("No CSRF token on the login page");
        }
        var answer = client.postForm("/login", Map.of("username", username, "password", password,
                "_csrf", csrf.group(1)));
        client.leave();
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || !location.endsWith("/" + VERIFY_ROUTE)) {
            throw new IOException("Sign-in of " + username + " refused: HTTP " + answer.statusCode() + " → " + location);
        }
        client.open(VERIFY_ROUTE);
        var field = client.nodesWithClass("second-factor-code");
        var verify = client.nodeWithText("vaadin-button", "Verify");
        if (field.isEmpty() || verify.isEmpty()) {
            throw new IOException("No code field or Verify button on /" + VERIFY_ROUTE);
        }
        client.type(field.getFirst(), codes.codeFor(username));
        client.click(verify.get());
        if (!client.sentTo("staff")) {
            throw new IOException("Second step of " + username + " refused: the code was not accepted");
        }
        client.leave();
    }
}
