package app.thaw.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import app.thaw.base.logging.Failures;
import app.thaw.base.logging.LogCapture;

/** Spring's error page: calm words, a correlation id for a fault, and nothing of the exception for anyone to read. */
class CalmErrorPagesTest {

    private final CalmErrorPages pages = new CalmErrorPages();

    @Test
    void aServerFaultShowsACalmPageWithTheIdThatIsInTheLogAndNothingOfTheException() throws Exception {
        var request = new MockHttpServletRequest("GET", "/staff/letters/7");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException("Robin Waiting's answer: I can't cry anymore"));
        var log = LogCapture.of(Failures.class);
        Map<String, Object> model;
        try {
            // even when asked for the message, the exception and the trace (server.error.include-*), none is given
            model = pages.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults()
                    .including(ErrorAttributeOptions.Include.MESSAGE, ErrorAttributeOptions.Include.STACK_TRACE,
                            ErrorAttributeOptions.Include.EXCEPTION));
            // asked again for the same request (JSON, then the page): one id, one log line
            pages.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        } finally {
            log.stop();
        }
        String id = (String) model.get("correlationId");
        assertThat(id).matches("[A-Z0-9]{8}");
        assertThat(model).doesNotContainKeys("message", "trace", "exception");
        assertThat(log.lines()).singleElement().satisfies(line ->
                assertThat(line).contains(id, "IllegalStateException").doesNotContain("Robin", "cry"));

        var response = new MockHttpServletResponse();
        var view = pages.resolveErrorView(request, HttpStatus.INTERNAL_SERVER_ERROR, model);
        assertThat(view.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        view.getView().render(model, request, response);
        assertThat(response.getContentAsString()).contains("Something went wrong on our side", id)
                .doesNotContain("Robin", "IllegalStateException", "Exception", "at app.thaw");
    }

    @Test
    void aMissingPageSaysSoWithoutAnId() throws Exception {
        var request = new MockHttpServletRequest("GET", "/nowhere");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
        var model = pages.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
        assertThat(model).doesNotContainKey("correlationId");

        var response = new MockHttpServletResponse();
        pages.resolveErrorView(request, HttpStatus.NOT_FOUND, model).getView().render(model, request, response);
        assertThat(response.getContentAsString()).contains("find that page").doesNotContain("correlation");
    }
}
