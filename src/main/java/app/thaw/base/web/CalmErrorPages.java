package app.thaw.base.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

import app.thaw.base.logging.Failures;

/**
 * Spring's error page for whatever Vaadin does not draw (downloads, the API, a failure before a page exists): a calm
 * page in the practice's words, never the exception's text or a stack trace. A server fault is logged under a
 * correlation id (kinds and places only, see {@link Failures}) which the page and a JSON error body both carry, so a
 * report can be matched to its log line. Vaadin's own pages use {@code app.thaw.base.ui.CalmErrorHandler}.
 */
@Component
public class CalmErrorPages extends DefaultErrorAttributes implements ErrorViewResolver {

    static final String CORRELATION_ID = "correlationId";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options.excluding(
                ErrorAttributeOptions.Include.MESSAGE, ErrorAttributeOptions.Include.EXCEPTION,
                ErrorAttributeOptions.Include.STACK_TRACE, ErrorAttributeOptions.Include.BINDING_ERRORS));
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST)
                instanceof Integer status && status >= 500) {
            Object known = request.getAttribute(CORRELATION_ID, RequestAttributes.SCOPE_REQUEST);
            String id = known != null ? known.toString() : record(getError(request), request);
            request.setAttribute(CORRELATION_ID, id, RequestAttributes.SCOPE_REQUEST);
            attributes.put(CORRELATION_ID, id);
        }
        return attributes;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object id = model.get(CORRELATION_ID);
        var page = new ModelAndView(new CalmPage(status, id == null ? null : id.toString()), model);
        page.setStatus(status);
        return page;
    }

    private static String record(@Nullable Throwable error, WebRequest request) {
        String where = "a request (" + request.getDescription(false).replaceAll("[^\\w/=.-]", "") + ")";
        return Failures.record(error != null ? error : new IllegalStateException("no exception"), where);
    }

    /** A page of plain HTML: works before anything else has loaded and under the strictest content policy. */
    record CalmPage(HttpStatus status, @Nullable String correlationId) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws java.io.IOException {
            String heading;
            String text;
            if (status.is5xxServerError()) {
                heading = "Something went wrong on our side";
                text = Failures.calmMessage(correlationId == null ? "-" : correlationId);
            } else if (status == HttpStatus.NOT_FOUND) {
                heading = "We can't find that page";
                text = "The link may be old or mistyped. Please check it, or start again from the home page.";
            } else {
                heading = "This page isn't available";
                text = "Please go back and try again, or start again from the home page.";
            }
            String page = "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>" + HtmlUtils.htmlEscape(heading) + " · Thaw</title></head><body><main>"
                    + "<h1>" + HtmlUtils.htmlEscape(heading) + "</h1><p>" + HtmlUtils.htmlEscape(text) + "</p>"
                    + "<p><a href=\"/\">Go to the home page</a></p></main></body></html>";
            response.setContentType(getContentType());
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
    }
}
