package app.thaw.intake.ui;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;

import jakarta.servlet.http.Cookie;

/** Remembers the client's draft on this device for 7 days, so a closed tab can carry on where it was. */
final class DraftCookie {

    static final String NAME = "thaw_intake_draft";

    private DraftCookie() {
    }

    static Optional<String> read() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> NAME.equals(c.getName()))
                .map(Cookie::getValue).findFirst();
    }

    static void write(String token, Duration lifetime) {
        set(token, (int) lifetime.toSeconds());
    }

    static void clear() {
        set("", 0);
    }

    private static void set(String value, int maxAgeSeconds) {
        VaadinResponse response = VaadinResponse.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (response == null || request == null) {
            return;
        }
        var cookie = new Cookie(NAME, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
