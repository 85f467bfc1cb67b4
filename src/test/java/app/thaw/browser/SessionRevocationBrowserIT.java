package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.base.ids.StaffId;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffFixtures;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;

/** Deactivating someone or changing their role ends every session they have, on their next click; others stay. */
class SessionRevocationBrowserIT extends BrowserTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    void deactivatingSomeoneEndsTheirSessionsOnEveryDevice() {
        var member = staff.member(StaffRole.THERAPIST);
        Page laptop = useDesktop();
        open("/login");
        String secret = signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        Page phone = usePhone();
        open("/login");
        signInWithSecret(member.username(), StaffFixtures.PASSWORD, secret);

        staff.as("admin", () -> administration.deactivate(StaffId.of(member.id())));

        for (Page device : new Page[] {laptop, phone}) {
            usePage(device);
            open("/staff");
            assertThat(device.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            assertThat(device.getByText("Practice workspace")).hasCount(0);
            assertThat(device.locator("#sign-in-notice")).hasText("You were signed out because your account was "
                    + "changed. If you can't sign in, ask your practice manager.");
            // said once: opening the sign-in page again is not another change
            open("/login");
            assertThat(device.locator("#sign-in-notice")).isHidden();
        }
    }

    @Test
    void aNewRoleEndsTheirSessionAndAColleagueWorksOn() {
        var member = staff.member(StaffRole.THERAPIST);
        var colleague = staff.member(StaffRole.THERAPIST);
        Page theirs = useDesktop();
        open("/login");
        String secret = signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        Page other = useDesktop();
        open("/login");
        signInFirstTime(colleague.username(), StaffFixtures.PASSWORD);

        staff.as("admin", () -> administration.changeRole(StaffId.of(member.id()), StaffRole.ADMIN));

        usePage(theirs);
        open("/staff");
        assertThat(theirs.getByText("Practice workspace")).hasCount(0);
        usePage(other);
        open("/staff");
        assertThat(other.getByText("Practice workspace")).isVisible();
        // signing in again gives them the new role
        usePage(theirs);
        open("/login");
        signInWithSecret(member.username(), StaffFixtures.PASSWORD, secret);
        open("/staff/admin/team");
        assertThat(theirs.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Team"))).isVisible();
    }
}
