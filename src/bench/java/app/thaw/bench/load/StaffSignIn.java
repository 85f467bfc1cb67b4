package app.thaw.bench.load;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Signs a staff member in the way the login view's form does: the page (for Spring Security's CSRF token),
 * its UI, then the form post. Kept in one place so a second step (a TOTP code on /login/verify) goes here only.
 */
public final class StaffSignIn {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private StaffSignIn() {
    }

    public static void signIn(VaadinClient client, String username, String password)
            throws IOException, InterruptedException {
        var page = client.get("/login");
        VaadinClient.expect(page, 200, "login page");
        var csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IOException("No CSRF token on the login page");
        }
        // the browser starts the login view's UI before the form is sent
        client.get("/?v-r=init&location=login&query=");
        var answer = client.postForm("/login", Map.of("username", username, "password", password,
                "_csrf", csrf.group(1)));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
            throw new IOException("Sign-in of " + username + " refused: HTTP " + answer.statusCode() + " → " + location);
        }
    }
}
