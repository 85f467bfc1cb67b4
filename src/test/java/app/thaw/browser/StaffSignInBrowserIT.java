package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import app.thaw.dev.DemoStaffAccounts;

class StaffSignInBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void therapistSignsInAndSeesTheStaffWorkspace() {
        open("/staff");

        assertThat(page).hasURL(url("/login"));
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/staff(\\?continue)?$"));
        assertThat(page.getByText("Practice workspace")).isVisible();
        assertThat(page.getByText("Dr Amira Khan").first()).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Team"))).hasCount(0);
    }

    @Test
    void wrongPasswordShowsAnErrorAndStaysOnSignIn() {
        open("/login");

        submitPassword("amira", "not-the-password");

        page.waitForURL("**/login?error");
        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.getByText("Those details didn't work")).isVisible();
    }

    @Test
    void signOutEndsTheSession() {
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Team"))).hasCount(1);
        // who is signed in: the name level with the middle of its avatar (it sat at the avatar's foot)
        Number offCentre = (Number) page.locator(".user-menu-label").evaluate("""
                label => {
                  const middle = e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
                  return Math.abs(middle(label.querySelector('vaadin-avatar')) - middle(label.querySelector('span')));
                }""");
        org.assertj.core.api.Assertions.assertThat(offCentre.doubleValue()).isLessThan(3);

        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();

        page.waitForURL("**/login?signed-out");
        assertThat(page.locator("#sign-in-notice")).hasText("You have signed out.");
        open("/staff");
        assertThat(page).hasURL(url("/login"));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry a join staff_account s on s.id = a.actor_id
                 where s.username = 'admin' and a.action = 'SIGN_OUT'""", Integer.class)).isPositive();
    }

    @Test
    void aTherapistFollowingALinkWhileSignedOutLandsOnThatPageOnceSignedIn() {
        open("/staff/waitlist");
        assertThat(page).hasURL(url("/login"));

        signInAs("tom", DemoStaffAccounts.DEMO_PASSWORD);

        // it used to end on the case queue, the emailed page forgotten on the way through the two steps
        assertThat(page).hasURL(url("/staff/waitlist"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();
    }

    @Test
    void theQueueSearchALinkAsksForSurvivesSigningIn() {
        open("/staff?search=Quorra");
        assertThat(page).hasURL(url("/login"));

        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);

        assertThat(page).hasURL(url("/staff?search=Quorra"));
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions()
                .setName("Search by name or reference"))).hasValue("Quorra");
    }

    @Test
    void someoneHalfSignedInWhoOpensAStaffPageIsAskedForTheirCodeAndThenShownThatPage() {
        open("/login");
        submitPassword("grace", DemoStaffAccounts.DEMO_PASSWORD);
        page.getByText("Enter your code").waitFor();

        // a staff address opened before the code (another tab, a bookmark) said "We couldn't find that page"
        open("/staff/requests");
        assertThat(page).hasURL(url("/login/verify"));
        assertThat(page.getByText("Enter your code")).isVisible();
        assertThat(page.getByText("We couldn't find that page")).hasCount(0);

        enterCode(app.thaw.security.TotpTestCodes.forDemoAccount(jdbc, "grace"));
        page.waitForURL("**/staff/requests");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Client requests")
                .setExact(true))).isVisible();
    }
}
