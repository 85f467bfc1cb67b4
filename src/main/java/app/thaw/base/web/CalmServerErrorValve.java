package app.thaw.base.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

/**
 * The page for what Tomcat refuses before the application sees it: a link whose %-escapes an email mangled
 * ("/status/%zz"), a path climbing out with "..", a character no URL may hold, a header past the limit. Tomcat's own
 * report (its heading, its styling) is replaced by a calm page with a way to the start page; the status stays.
 * Requests the application answers keep {@link CalmErrorPages}. Static HTML: no script, one inline style, which the
 * edge's Content-Security-Policy allows ({@link SecurityHeadersValve} runs first, so this page carries it too).
 */
final class CalmServerErrorValve extends ErrorReportValve {

    private static final String BROKEN_LINK = page("That link looks broken",
            "Please check the address, or copy the whole link from your email again.");
    private static final String UNAVAILABLE = page("This page isn't available",
            "Please go back and try again, or start again from the home page.");
    private static final String OUR_FAULT = page("Something went wrong on our side",
            "Please try again in a few minutes, or start again from the home page.");

    CalmServerErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /** As Tomcat's report decides whether to write: an error not yet reported, nothing written, the client there. */
    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("text/html;charset=UTF-8");
            Writer writer = response.getReporter();
            // null only once the response is committed, when nothing more can be written
            if (writer != null) {
                writer.write(status == 400 ? BROKEN_LINK : status >= 500 ? OUR_FAULT : UNAVAILABLE);
            }
        } catch (IOException | IllegalStateException gone) {
            // the client left, or the response was closed meanwhile: there is no one to show the page to
        }
    }

    private static String page(String heading, String text) {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + heading + " · Thaw</title><style>body{margin:0;padding:2rem 1rem;"
                + "font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933;background:#fff}"
                + "main{max-width:34rem;margin:0 auto}h1{font-size:1.5rem;font-weight:600}a{color:#1f5f8b}</style>"
                + "</head><body><main><h1>" + heading + "</h1><p>" + text + "</p>"
                + "<p><a href=\"/\">Go to the start page</a></p></main></body></html>";
    }
}
