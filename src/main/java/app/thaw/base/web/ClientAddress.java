package app.thaw.base.web;

import java.util.Optional;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of whoever made the current request, as the edge decided it ({@link ForwardedHeadersValve}):
 * what rate limits, the sign-in throttle and the audit log record. Empty outside a request (jobs, events).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static Optional<String> current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getRemoteAddr());
        }
        return Optional.empty();
    }
}
