package app.thaw.bench.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;

/**
 * The requests a page made while one step ran: Vaadin round trips (UIDL), the page itself, files. Each finished
 * request is kept and read after the step, so reading it never slows the step.
 */
final class RoundTrips {

    /** One finished request: what it was, the server's own time (Server-Timing), the bytes that came back. */
    record Trip(String kind, String url, double serverMillis, long bytes, double millis) {
    }

    private final List<Request> finished = new ArrayList<>();

    RoundTrips(Page page) {
        page.onRequestFinished(finished::add);
    }

    void clear() {
        finished.clear();
    }

    /** The requests since {@link #clear()}, heartbeats left out (they are the browser's, not the person's). */
    List<Trip> taken() {
        List<Trip> trips = new ArrayList<>();
        for (Request request : List.copyOf(finished)) {
            String kind = kind(request);
            if (kind.equals("heartbeat")) {
                continue;
            }
            var response = request.response();
            double server = Double.NaN;
            long bytes = 0;
            if (response != null) {
                server = serverMillis(response.headerValue("server-timing"));
                var sizes = request.sizes();
                bytes = sizes.responseBodySize + sizes.responseHeadersSize;
            }
            var timing = request.timing();
            trips.add(new Trip(kind, request.url(), server, bytes, timing.responseEnd));
        }
        return trips;
    }

    static String kind(Request request) {
        String url = request.url();
        if (url.contains("v-r=uidl")) {
            return "uidl";
        }
        if (url.contains("v-r=heartbeat")) {
            return "heartbeat";
        }
        if (url.contains("v-r=init")) {
            return "init";
        }
        return request.resourceType().toLowerCase(Locale.ROOT);
    }

    static double serverMillis(String header) {
        if (header == null) {
            return Double.NaN;
        }
        int at = header.indexOf("dur=");
        if (at < 0) {
            return Double.NaN;
        }
        int end = at + 4;
        while (end < header.length() && (Character.isDigit(header.charAt(end)) || header.charAt(end) == '.')) {
            end++;
        }
        return Double.parseDouble(header.substring(at + 4, end));
    }
}
