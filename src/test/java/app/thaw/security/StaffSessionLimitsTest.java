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
class StaffSessionLimitsTest {

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
    private final StaffSessionLimits sessions = new StaffSessionLimits(Duration.ofMinutes(30),
            Duration.ofHours(12), clock, events::add);
    private final SessionLimitFilter filter = new SessionLimitFilter(sessions);
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
        assertThat(lastResponse.getCookie(StaffSessionLimits.TIMED_OUT)).satisfies(reason -> {
            assertThat(reason.getValue()).isEqualTo("30");
            assertThat(reason.isHttpOnly()).isTrue();
            assertThat(reason.getMaxAge()).isEqualTo(600);
        });
        assertThat(events).containsExactly(new StaffSessionTimedOut(42, "Dr Amira Khan", Duration.ofMinutes(30),
                StaffSessionTimedOut.Limit.IDLE));
        assertThat(((StaffSessionTimedOut) events.getFirst()).reason()).isEqualTo("after 30 minutes without activity");
    }

    @Test
    void aPageOpenedAfterTheIdleTimeFindsTheSessionGone() throws Exception {
        var session = signedIn(therapist);
        request(session, null);
        now = now.plus(Duration.ofHours(3));

        var page = request(session, null);

        assertThat(session.isInvalid()).isTrue();
        assertThat(lastResponse.getCookie(StaffSessionLimits.TIMED_OUT)).isNotNull();
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
        assertThat(session.getAttribute(StaffSessionLimits.LAST_USED)).isNull();
    }

    @Test
    void theStaffPagesOwnTimerEndsTheSessionAtOnce() {
        var session = signedIn(therapist);
        var request = new MockHttpServletRequest();
        request.setSession(session);
        var response = new MockHttpServletResponse();

        sessions.signOutNow(request, response);

        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getCookie(StaffSessionLimits.TIMED_OUT)).isNotNull();
        assertThat(events).hasSize(1);
    }

    @Test
    void aSessionUsedAllDayEndsTwelveHoursAfterItsSignInAndTheSignInPageIsToldWhich() throws Exception {
        var session = signedIn(therapist);
        now = START.plus(Duration.ofMinutes(10));
        request(session, "v-r=uidl&v-uiId=0");
        assertThat(sessions.lifetimeLeft(session)).isEqualTo(Duration.ofHours(12));
        for (int minute = 20; minute < 12 * 60 + 10; minute += 20) {
            now = START.plus(Duration.ofMinutes(minute));
            request(session, "v-r=uidl&v-uiId=0");
            assertThat(session.isInvalid()).as("in use at minute %d", minute).isFalse();
        }
        now = START.plus(Duration.ofMinutes(12 * 60 + 5));
        request(session, "v-r=uidl&v-uiId=0");
        assertThat(sessions.lifetimeLeft(session)).isEqualTo(Duration.ofMinutes(5));

        now = START.plus(Duration.ofMinutes(12 * 60 + 10));
        request(session, "v-r=uidl&v-uiId=0");

        assertThat(session.isInvalid()).isTrue();
        assertThat(lastResponse.getCookie(StaffSessionLimits.TIMED_OUT).getValue()).isEqualTo("L720");
        var ended = (StaffSessionTimedOut) events.getFirst();
        assertThat(ended.limit()).isEqualTo(StaffSessionTimedOut.Limit.LIFETIME);
        assertThat(ended.reason()).isEqualTo("after 12 hours signed in, the longest a session lasts");
    }

    @Test
    void theLifetimeCountsFromTheSignInNotFromASignInPageLeftOpen() throws Exception {
        var session = new MockHttpSession();
        request(session, null);
        now = now.plus(Duration.ofHours(11));
        var principal = signedIn(therapist).getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, principal);
        request(session, null);

        for (int minute = 0; minute < 90; minute += 10) {
            now = now.plus(Duration.ofMinutes(10));
            request(session, "v-r=uidl&v-uiId=0");
        }

        assertThat(session.isInvalid()).as("12.5 hours after the page opened, 1.5 after the sign-in").isFalse();
    }

    @Test
    void thePagesTimerNamesTheLimitThatCameFirst() throws Exception {
        var session = signedIn(therapist);
        request(session, null);
        while (now.isBefore(START.plus(Duration.ofHours(11).plusMinutes(50)))) {
            now = now.plus(Duration.ofMinutes(10));
            request(session, "v-r=uidl&v-uiId=0");
        }
        var request = new MockHttpServletRequest();
        request.setSession(session);
        var response = new MockHttpServletResponse();

        // the browser's clock ran ahead: its timer ends the session a little before the server's own would
        sessions.signOutNow(request, response);

        assertThat(response.getCookie(StaffSessionLimits.TIMED_OUT).getValue()).isEqualTo("L720");
        assertThat(((StaffSessionTimedOut) events.getFirst()).limit()).isEqualTo(StaffSessionTimedOut.Limit.LIFETIME);
    }

    @Test
    void aClientsFormSessionEndsAtItsLifetimeWhileAStaffOneIsLeftToTheStaffRule() throws Exception {
        var lifetime = new SessionLifetimeFilter(Duration.ofHours(12), clock);
        var client = new MockHttpSession();
        var staffSession = signedIn(therapist);
        now = Instant.ofEpochMilli(client.getCreationTime()).plus(Duration.ofHours(13));
        for (var session : List.of(client, staffSession)) {
            var request = new MockHttpServletRequest();
            request.setSession(session);
            lifetime.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        }
        assertThat(client.isInvalid()).isTrue();
        assertThat(staffSession.isInvalid()).as("left to the staff rule, which tells the sign-in page why").isFalse();
    }

    @Test
    void theRuleRunsAfterTheRequestContextAndBeforeThePageIsRememberedAndSpringSecurityReadsTheSession() {
        int order = OrderUtils.getOrder(SessionLimitFilter.class, 0);
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
