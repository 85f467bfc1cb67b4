package app.thaw.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.base.web.PublicUrl;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.notification.CalendarFeeds;
import app.thaw.review.ReviewTestData;
import app.thaw.security.IssuedLink;
import app.thaw.security.NewStaffMember;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffRole;

/**
 * Issue 14 point 2: every link for clients and staff starts with thaw.public-url, whatever host the request that
 * made it named. Each link is made here inside a request for Host "evil.example" (with forged forwarded headers
 * too), and neither the link nor the email that carries it mentions that host.
 */
@IntegrationTest
class PublicLinksIT {

    @Autowired
    PublicUrl publicUrl;

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    UserDetailsService staff;

    @Autowired
    IntakeService intake;

    @Autowired
    CalendarFeeds feeds;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aRequestForAnotherHost() {
        var request = new MockHttpServletRequest("POST", "/");
        request.setServerName("evil.example");
        request.setScheme("https");
        request.setServerPort(443);
        request.addHeader("Host", "evil.example");
        request.addHeader("X-Forwarded-Host", "evil.example");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
    }

    @AfterEach
    void done() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void staffInvitationAndResetLinksAndTheirEmails() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String username = "lnk" + UUID.randomUUID().toString().substring(0, 8);
        IssuedLink invitation = data.as("admin", () -> administration.invite(new NewStaffMember("Link Test",
                username, username + "@example.org", StaffRole.THERAPIST)));
        assertThat(invitation.url()).startsWith(publicUrl.base() + "/welcome/").doesNotContain("evil.example");
        assertThat(emailTo(username + "@example.org")).contains(invitation.url()).doesNotContain("evil.example");
        // no invitation left waiting on the Team page for other tests
        data.as("admin", () -> {
            administration.deactivate(StaffId.of(administration.team().stream().filter(m -> m.username().equals(username))
                    .findFirst().orElseThrow().id()));
            return null;
        });
    }

    @Test
    void theCalendarFeedLink() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String address = data.as("amira", () -> feeds.address(feeds.createLink()));
        assertThat(address).startsWith(publicUrl.base() + "/calendar/").endsWith(".ics")
                .doesNotContain("evil.example");
    }

    @Test
    void thePartnerInvitationEmailCarriesThePublicAddressEvenWhenThePageOfferedAnother() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var first = data.submit(IntakeFixtures.couplesAnswers("Pat Linked"));
        String token = first.receipt().partnerInvitationToken();
        String partner = "partner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        intake.emailPartnerInvitation(token, partner, "Pat", "https://evil.example/intake/partner/" + token);

        assertThat(emailTo(partner)).contains(publicUrl.link("intake/partner/" + token))
                .doesNotContain("evil.example");
    }

    @Test
    void theClientsStatusLinkInTheEmailSentWhenTheirFormArrivesEvenWhenThePageOfferedAnother() {
        String email = "status-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String address = "192.0.2." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 250);
        String token = intake.startDraft(null, address).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers("Pat Status").with("about.email", email).asMap(),
                "consent");

        var sent = intake.submit(token, address, false, "https://evil.example/status/");

        String statusToken = ((app.thaw.intake.SubmissionOutcome.Submitted) sent).receipt().statusToken();
        assertThat(emailTo(email)).contains(publicUrl.link("status/" + statusToken)).doesNotContain("evil.example");
    }

    private String emailTo(String recipient) {
        return jdbc.queryForObject("select subject || ' ' || body_text from outbox_message where recipient = ?",
                String.class, recipient);
    }
}
