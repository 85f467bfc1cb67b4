package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The idle rule as the filter applies it to each request: a staff session nobody uses for 30 minutes ends at its
 * next request, heartbeats included (an open tab sends one every 5 minutes and used to keep the session forever).
 */
class IdleSessionsTest {

    private static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/London");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final List<Object> events = new ArrayList<>();
    private final IdleSessions sessions = new IdleSessions(Duration.ofMinutes(30), clock, events::add);
    private final IdleSessionFilter filter = new IdleSessionFilter(sessions);
    private MockHttpServletResponse lastResponse = new MockHttpServletResponse();
    private final StaffUser therapist = new StaffUser(42, "amira", "Dr Amira Khan", StaffRole.THERAPIST, null, true,
            1);

    @Test
    void aSessionUsedWithinThirtyMinutesStaysAndEachUseStartsTheTimeAgain() throws Exception {
        var session = signedIn(therapist);
        request(session, "v-r=uidl&v-uiId=0");
        for (int i = 0; i < 4; i++) {
            now = now.plus(Duration.ofMinutes(29));
            var after = request(session, "v-r=uidl&v-uiId=0");
            assertThat(after.getSession(false)).isSameAs(session);
        }
        assertThat(session.isInvalid()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void heartbeatsAloneDoNotKeepItAndTheNextRequestAfterThirtyMinutesIsSignedOut() throws Exception {
        var session = signedIn(therapist);
        request(session, "v-r=uidl&v-uiId=0");
        for (int minute = 5; minute < 30; minute += 5) {
            now = START.plus(Duration.ofMinutes(minute));
            request(session, "v-r=heartbeat&v-uiId=0");
            assertThat(session.isInvalid()).as("heartbeat at minute %d", minute).isFalse();
        }

        now = START.plus(Duration.ofMinutes(30));
        var heartbeat = request(session, "v-r=heartbeat&v-uiId=0");

        assertThat(session.isInvalid()).isTrue();
        assertThat(heartbeat.getSession(false)).as("no session is left signed in").isNull();
        assertThat(lastResponse.getCookie(IdleSessions.TIMED_OUT)).satisfies(reason -> {
            assertThat(reason.getValue()).isEqualTo("30");
            assertThat(reason.isHttpOnly()).isTrue();
            assertThat(reason.getMaxAge()).isEqualTo(600);
        });
        assertThat(events).containsExactly(new StaffSessionTimedOut(42, "Dr Amira Khan", Duration.ofMinutes(30)));
    }

    @Test
    void aPageOpenedAfterTheIdleTimeFindsTheSessionGone() throws Exception {
        var session = signedIn(therapist);
        request(session, null);
        now = now.plus(Duration.ofHours(3));

        var page = request(session, null);

        assertThat(session.isInvalid()).isTrue();
        assertThat(lastResponse.getCookie(IdleSessions.TIMED_OUT)).isNotNull();
    }

    @Test
    void halfWaySignInEndsTooButIsNotRecordedAsASignOut() throws Exception {
        var session = signedIn(new PendingSignIn(42, "amira", "Dr Amira Khan"));
        request(session, "v-r=uidl&v-uiId=0");
        now = now.plus(Duration.ofMinutes(31));

        request(session, "v-r=uidl&v-uiId=0");

        assertThat(session.isInvalid()).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void aClientsFormSessionIsLeftAlone() throws Exception {
        var session = new MockHttpSession();
        request(session, "v-r=uidl&v-uiId=0");
        now = now.plus(Duration.ofHours(2));

        request(session, "v-r=uidl&v-uiId=0");

        assertThat(session.isInvalid()).isFalse();
        assertThat(session.getAttribute(IdleSessions.LAST_USED)).isNull();
    }

    @Test
    void theStaffPagesOwnTimerEndsTheSessionAtOnce() {
        var session = signedIn(therapist);
        var request = new MockHttpServletRequest();
        request.setSession(session);
        var response = new MockHttpServletResponse();

        sessions.signOutIdle(request, response);

        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getCookie(IdleSessions.TIMED_OUT)).isNotNull();
        assertThat(events).hasSize(1);
    }

    @Test
    void theRuleRunsAfterTheRequestContextAndBeforeThePageIsRememberedAndSpringSecurityReadsTheSession() {
        int order = OrderUtils.getOrder(IdleSessionFilter.class, 0);
        assertThat(order).isGreaterThan(new OrderedRequestContextFilter().getOrder())
                .isLessThan(OrderUtils.getOrder(SignInDestinationFilter.class, 0))
                .isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
        assertThat(OrderUtils.getOrder(SignInDestinationFilter.class, 0))
                .isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
    }

    private MockHttpSession signedIn(Object principal) {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of())));
        return session;
    }

    private MockHttpServletRequest request(MockHttpSession session, String query) throws Exception {
        var request = new MockHttpServletRequest(query == null ? "GET" : "POST", query == null ? "/staff" : "/");
        request.setQueryString(query);
        request.setSession(session);
        lastResponse = new MockHttpServletResponse();
        filter.doFilter(request, lastResponse, new MockFilterChain());
        return request;
    }
}
