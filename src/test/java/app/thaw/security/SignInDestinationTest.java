package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class SignInDestinationTest {

    @ParameterizedTest(name = "{0}?{1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "/staff, -, staff",
            "/staff/, -, staff/",
            "/staff/waitlist, -, staff/waitlist",
            "/staff/cases/THW-ABC123/measures, -, staff/cases/THW-ABC123/measures",
            "/staff, search=THW-ABC123, staff?search=THW-ABC123",
            "/staff/admin/team/42/hand-over, -, staff/admin/team/42/hand-over"})
    void aStaffPageIsKeptAsTypedAfterTheAppsRoot(String path, String query, String kept) {
        assertThat(SignInDestination.of(request("", path, query))).contains(kept);
    }

    @ParameterizedTest(name = "{0}?{1} is not kept")
    @CsvSource(nullValues = "-", value = {
            "/login, -",
            "/status/abc, -",
            "/staffroom, -",
            "/, -",
            "/staff, next=https://evil.example",
            "/staff//evil.example, -",
            "/staff/a\\b, -",
            "/staff/<script>, -"})
    void anythingElseIsNotKept(String path, String query) {
        assertThat(SignInDestination.of(request("", path, query))).isEmpty();
    }

    @Test
    void theAppsContextPathIsLeftOutSoTheAddressStaysRelativeToItsRoot() {
        assertThat(SignInDestination.of(request("/thaw", "/thaw/staff/waitlist", null)))
                .isEqualTo(Optional.of("staff/waitlist"));
    }

    @Test
    void anOverlongAddressIsNotKept() {
        assertThat(SignInDestination.of(request("", "/staff", "search=" + "a".repeat(600)))).isEmpty();
    }

    private static MockHttpServletRequest request(String contextPath, String path, String query) {
        var request = new MockHttpServletRequest("GET", path);
        request.setContextPath(contextPath);
        request.setQueryString(query);
        return request;
    }
}
