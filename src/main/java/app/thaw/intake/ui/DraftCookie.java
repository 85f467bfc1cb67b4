package app.thaw.intake.ui;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;

import jakarta.servlet.http.Cookie;

import app.thaw.intake.DraftSnapshot;

/**
 * Remembers the client's draft on this device for 7 days, so a closed tab can carry on where it was. A form begun
 * from a partner's invitation link is remembered apart: on a shared device it never takes the other's place.
 */
enum DraftCookie {

    OWN("thaw_intake_draft"),
    PARTNER("thaw_intake_partner_draft");

    private final String name;

    DraftCookie(String name) {
        this.name = name;
    }

    String cookieName() {
        return name;
    }

    /** A form that joins a couple (begun from an invitation link) is remembered apart from the device's own. */
    static DraftCookie keeping(DraftSnapshot draft) {
        return draft.partnerIntake() ? PARTNER : OWN;
    }

    /** Every form this device remembers, the partner's first; who may see which is the caller's to check. */
    static Stream<String> remembered() {
        return Stream.of(PARTNER, OWN).flatMap(cookie -> cookie.read().stream());
    }

    Optional<String> read() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> name.equals(c.getName()))
                .map(Cookie::getValue).filter(value -> !value.isEmpty()).findFirst();
    }

    void write(String token, Duration lifetime) {
        set(token, (int) lifetime.toSeconds());
    }

    void clear() {
        set("", 0);
    }

    private void set(String value, int maxAgeSeconds) {
        VaadinResponse response = VaadinResponse.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (response == null || request == null) {
            return;
        }
        var cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
