package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.base.ids.StaffId;
import app.thaw.SecondInstance;
import app.thaw.security.SecondFactorService;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffFixtures;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;

/**
 * Issue 14 point 5: a colleague signed in on both application servers (one browser each, as two replicas behind a
 * sticky proxy would give them) is signed out on both when a practice manager deactivates them or resets their
 * authenticator on one.
 */
class TwoInstanceSessionsBrowserIT extends BrowserTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    SecondFactorService secondFactor;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    void deactivatingOnOneInstanceSignsThemOutOnBoth() {
        var member = staff.member(StaffRole.THERAPIST);
        Page[] pages = signedInOnBoth(member.username());

        staff.as("admin", () -> administration.deactivate(StaffId.of(member.id())));

        assertSignedOut(pages);
    }

    @Test
    void resettingTheirAuthenticatorOnOneInstanceSignsThemOutOnBoth() {
        var member = staff.member(StaffRole.THERAPIST);
        Page[] pages = signedInOnBoth(member.username());

        staff.as("admin", () -> secondFactor.reset(StaffId.of(member.id())));

        assertSignedOut(pages);
    }

    private Page[] signedInOnBoth(String username) {
        Page first = useDesktop();
        open("/login");
        String secret = signInFirstTime(username, StaffFixtures.PASSWORD);
        Page second = useDesktop();
        open(secondUrl("/login"));
        signInWithSecret(username, StaffFixtures.PASSWORD, secret);
        assertThat(second.getByText("Practice workspace")).isVisible();
        return new Page[] {first, second};
    }

    private void assertSignedOut(Page[] pages) {
        for (int i = 0; i < pages.length; i++) {
            usePage(pages[i]);
            open(i == 0 ? url("/staff") : secondUrl("/staff"));
            assertThat(pages[i].getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")))
                    .isVisible();
            assertThat(pages[i].getByText("Practice workspace")).hasCount(0);
        }
    }

    private static String secondUrl(String path) {
        return "http://localhost:" + SecondInstance.port() + path;
    }
}
