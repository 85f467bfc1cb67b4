package app.thaw.security;

import java.util.Optional;
import java.util.regex.Pattern;

import com.vaadin.flow.server.WrappedSession;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/**
 * The staff page someone asked for before they had finished signing in (a link in a therapist's email, a bookmark),
 * kept in their session so the code step ends there rather than on their home page. Only the practice's own staff
 * paths are kept, as typed after the app's root, so a crafted link can never send anyone off the site.
 */
public final class SignInDestination {

    static final String ATTRIBUTE = SignInDestination.class.getName();
    /** A staff route, its parameters and query: letters, digits and URL punctuation, never a scheme or "//". */
    private static final Pattern STAFF_PATH = Pattern.compile("staff(/[\\w\\-.~%]+)*/?(\\?[\\w\\-.~%=&+]*)?");
    private static final int MAX_LENGTH = 500;

    private SignInDestination() {
    }

    /** The request's staff page, or nothing when it isn't one worth coming back to. */
    static Optional<String> of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String asked = (path.startsWith("/") ? path.substring(1) : path)
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return asked.length() <= MAX_LENGTH && STAFF_PATH.matcher(asked).matches() ? Optional.of(asked)
                : Optional.empty();
    }

    /** Where the finished sign-in goes, once: the page asked for, if any; it is forgotten as it is read. */
    public static Optional<String> take(@Nullable WrappedSession session) {
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String asked)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(asked);
    }
}
