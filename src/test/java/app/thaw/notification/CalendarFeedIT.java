package app.thaw.notification;

import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.TherapistSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import biweekly.Biweekly;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffRole;

/** The feed over real HTTP, as a calendar app fetches it: no sign-in, the secret link is the key. */
@IntegrationTest
class CalendarFeedIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Test
    @WithUserDetails("amira")
    void theSecretLinkServesTheFeedUntilItIsReplacedOrTurnedOff() throws Exception {
        String token = feeds.createLink();

        var response = get(CalendarFeeds.path(token));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/calendar");
        assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("no-store");
        var calendar = Biweekly.parse(response.body()).first();
        assertThat(calendar).isNotNull();
        for (String fullName : jdbc.queryForList("select full_name from intake", String.class)) {
            assertThat(response.body()).doesNotContain(fullName);
        }
        assertThat(feeds.linkCreatedAt()).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from calendar_feed where token_hash = ?", Integer.class,
                SecretToken.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from calendar_feed where token_hash = ?", Integer.class,
                token)).isZero();

        String replacement = feeds.createLink();
        assertThat(get(CalendarFeeds.path(token)).statusCode()).isEqualTo(404);
        assertThat(get(CalendarFeeds.path(replacement)).statusCode()).isEqualTo(200);

        feeds.turnOff();
        assertThat(get(CalendarFeeds.path(replacement)).statusCode()).isEqualTo(404);
        assertThat(feeds.linkCreatedAt()).isEmpty();
    }

    @Test
    void unknownAndMalformedLinksFindNothing() throws Exception {
        assertThat(get(CalendarFeeds.path(SecretToken.generate())).statusCode()).isEqualTo(404);
        assertThat(get("calendar/not-a-token.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void theFeedNamesClientsByInitialsOnly() {
        TherapistSessions diary = (therapistId, from, to) -> List.of(new TherapistSessions.Session(99, from.plusSeconds(
                86_400), from.plusSeconds(86_400 + 3_000), "Individual session", SessionFormat.IN_PERSON, "Room 1",
                List.of("Morgan Plain"), 0));

        String ics = feeds.render(1, diary, Instant.now());

        assertThat(ics).contains("SUMMARY:Individual session · M.P.", "LOCATION:Room 1\\, 14 Albert Square")
                .doesNotContain("Morgan").doesNotContain("Plain");
    }

    @Test
    @WithUserDetails("admin")
    void onlyTherapistsMakeLinksButTheAdminCanTurnOneOff() {
        assertThatThrownBy(() -> feeds.createLink()).isInstanceOf(AuthorizationDeniedException.class);
        long amira = jdbc.queryForObject("select id from staff_account where username = 'amira'", Long.class);
        feeds.turnOffFor(StaffId.of(amira));
        assertThat(jdbc.queryForObject("select count(*) from calendar_feed where therapist_id = ?", Integer.class,
                amira)).isZero();
    }

    @Test
    void aTherapistWhoLeavesOrStopsSeeingClientsKeepsNoLinkToTheDiary() throws Exception {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long leaving = week.therapist("Dr Leaving " + ReviewTestData.uniqueWord());
        long promoted = week.therapist("Dr Promoted " + ReviewTestData.uniqueWord());
        String leavingLink = data.as(week.signInAs(leaving), () -> feeds.createLink());
        String promotedLink = data.as(week.signInAs(promoted), () -> feeds.createLink());
        assertThat(get(CalendarFeeds.path(leavingLink)).statusCode()).isEqualTo(200);

        data.as("admin", () -> team.deactivate(StaffId.of(leaving)));
        data.as("admin", () -> team.changeRole(StaffId.of(promoted), StaffRole.CLINICAL_LEAD));

        assertThat(get(CalendarFeeds.path(leavingLink)).statusCode()).isEqualTo(404);
        assertThat(get(CalendarFeeds.path(promotedLink)).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from calendar_feed where therapist_id in (?, ?)",
                Integer.class, leaving, promoted)).isZero();
        // a link kept from before departures turned links off serves nothing either
        String kept = SecretToken.generate();
        jdbc.update("insert into calendar_feed (therapist_id, token_hash, created_at) values (?, ?, now())", leaving,
                SecretToken.hash(kept));
        assertThat(get(CalendarFeeds.path(kept)).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
