package app.thaw.security;

import java.util.List;

import com.vaadin.flow.spring.security.RequestUtil;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A page address no screen answers to, outside the staff area: a client who mistypes "/Privacy" or "/stauts/…" from a
 * letter meets the router's "We couldn't find that page" with a way to the start page, not the staff sign-in. Staff
 * addresses and every address served outside the router (the actuator, the calendar feed, the API) keep asking for a
 * sign-in, so nothing but the not-found page is opened by it.
 */
final class MistypedPublicAddress implements RequestMatcher {

    /** Served by Spring MVC or reserved for staff: an unknown address under these is never handed to the router. */
    private static final List<String> NOT_THE_ROUTERS = List.of("/staff", "/actuator", "/calendar", "/fhir", "/api",
            "/error", "/VAADIN", "/HEARTBEAT", "/login");

    private final RequestUtil routes;

    MistypedPublicAddress(RequestUtil routes) {
        this.routes = routes;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod()) || request.getQueryString() != null) {
            return false;
        }
        // decoded, as Spring MVC routes it: "/%61ctuator/info" is the actuator's address, not an unknown one
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/") || NOT_THE_ROUTERS.stream().anyMatch(prefix -> path.equalsIgnoreCase(prefix)
                || path.regionMatches(true, 0, prefix + "/", 0, prefix.length() + 1))) {
            return false;
        }
        return !routes.isFrameworkInternalRequest(request) && !routes.isAnonymousRoute(request)
                && !routes.isSecuredFlowRoute(request);
    }
}
