package app.thaw.base.web;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The first and last word on headers: answers Tomcat gives without reaching the application (a malformed URL, an
 * unmapped path) get the same security headers and no-store as every other response.
 */
class SecurityHeadersValve extends ValveBase {

    private final ContentSecurityPolicy csp;

    SecurityHeadersValve(ContentSecurityPolicy csp) {
        super(true);
        this.csp = csp;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // first, for answers Tomcat renders and commits itself (its error report); the filter writes them again
        write(request, response, false);
        try {
            getNext().invoke(request, response);
        } finally {
            if (!response.isCommitted()) {
                write(request, response, true);
            }
        }
    }

    private void write(Request request, Response response, boolean onlyMissing) {
        boolean cacheable;
        try {
            cacheable = SecurityHeadersFilter.isCacheable(request);
        } catch (RuntimeException unmapped) {
            cacheable = false;
        }
        var headers = SecurityHeadersFilter.headers(request, csp);
        if (!cacheable) {
            headers.put("Cache-Control", "no-store");
        }
        headers.forEach((name, value) -> {
            if (!onlyMissing || !response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }
}
