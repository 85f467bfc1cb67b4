package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.dev.DemoStaffAccounts;

/** The practice manager invites a therapist; the therapist opens the emailed link, chooses a password, signs in. */
class StaffInvitationBrowserIT extends BrowserTest {

    private static final Pattern WELCOME_LINK = Pattern.compile("https?://\\S+/welcome/[A-Za-z0-9_-]{43}");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInvitedTherapistChoosesAPasswordFromTheEmailedLinkAndSignsIn() {
        String username = "b" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.org";
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/admin/team");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite a staff member")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Morgan Ellis");
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        assertThat(page.getByText("We have emailed this link to Morgan Ellis")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
        assertThat(page.getByText(Pattern.compile("Invited · link open until"))).isVisible();

        // the new therapist, on their own phone, opens the link in the email the outbox holds for them
        String body = jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and kind = 'STAFF_INVITATION'", String.class, email);
        var link = WELCOME_LINK.matcher(body);
        org.assertj.core.api.Assertions.assertThat(link.find()).as("link in the invitation email").isTrue();
        usePhone();
        open(link.group());

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Morgan Ellis")))
                .isVisible();
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("short one");
        page.getByLabel("Type it again", new Page.GetByLabelOptions().setExact(true)).fill("short one");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save password")).click();
        // the field's own message; Vaadin also copies it into a screen-reader announcer for a moment
        assertThat(page.locator("[slot=error-message]").getByText(Pattern.compile("Use at least 12 characters")))
                .isVisible();

        String password = "quiet hills after the rain";
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel("Type it again", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save password")).click();
        assertThat(page.getByText("Your password is saved")).isVisible();
        AxeCore.check(page, "password saved");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/login");
        waitForVaadin();
        signInFirstTime(username, password);
        assertThat(page.getByText("Morgan Ellis").first()).isVisible();
    }
}
