package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import app.thaw.security.dev.DemoStaffAccounts;

class StaffSignInBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void therapistSignsInAndSeesTheStaffWorkspace() {
        open("/staff");

        assertThat(page).hasURL(url("/login"));
        signIn("amira", DemoStaffAccounts.DEMO_PASSWORD);

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/staff(\\?continue)?$"));
        assertThat(page.getByText("Practice workspace")).isVisible();
        assertThat(page.getByText("Dr Amira Khan").first()).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Team"))).hasCount(0);
    }

    @Test
    void wrongPasswordShowsAnErrorAndStaysOnSignIn() {
        open("/login");

        signIn("amira", "not-the-password");

        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.getByText("Those details didn't work")).isVisible();
    }

    @Test
    void signOutEndsTheSession() {
        open("/login");
        signIn("admin", DemoStaffAccounts.DEMO_PASSWORD);
        assertThat(page.locator("vaadin-side-nav-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Team"))).hasCount(1);

        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();

        page.waitForURL("**/login?signed-out");
        open("/staff");
        assertThat(page).hasURL(url("/login"));
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("""
                select count(*) from audit_entry a join staff_account s on s.id = a.actor_id
                 where s.username = 'admin' and a.action = 'SIGN_OUT'""", Integer.class)).isPositive();
    }

    /**
     * Types as a person would and waits for the answer: the workspace, or the login page with an error.
     * A rare accepted sign-in that lands on the sign-in page again (the login form's own round trip racing
     * its post, vaadin/flow#12640; see the closing notes) gets one more try, said out loud in the log.
     */
    private void signIn(String username, String password) {
        for (int attempt = 1; ; attempt++) {
            var name = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Username"));
            name.fill(username);
            assertThat(name).hasValue(username);
            page.locator("vaadin-password-field input").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            try {
                page.waitForURL(address -> address.contains("/staff") || address.contains("error"),
                        new Page.WaitForURLOptions().setTimeout(15_000));
                page.getByText("Practice workspace").or(page.getByText("Those details didn't work"))
                        .first().waitFor();
                return;
            } catch (com.microsoft.playwright.TimeoutError bounced) {
                if (attempt == 2) {
                    throw bounced;
                }
                System.out.println("WARN StaffSignInBrowserIT: signing in as " + username + " ended on "
                        + page.url() + "; trying once more");
                open("/login");
            }
        }
    }
}
