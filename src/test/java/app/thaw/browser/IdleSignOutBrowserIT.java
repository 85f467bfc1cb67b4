package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffFixtures;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;

/**
 * A staff screen left alone: two minutes before the 30-minute idle time ends a notice counts down with "Stay signed
 * in"; typing counts as use; then the page signs out, the sign-in page says why and the audit log records it. The
 * browser's clock is moved on (Playwright's fake clock); the server's own rule is {@code IdleSessionsTest}.
 */
class IdleSignOutBrowserIT extends BrowserTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    JdbcTemplate database;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    void aScreenLeftAloneWarnsFirstThenSignsOutAndTheSignInPageSaysWhy() {
        var member = staff.member(StaffRole.THERAPIST);
        useDesktop();
        context.clock().install();
        open("/login");
        String secret = signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        open("/staff/waitlist");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();
        Locator warning = page.locator("#idle-warning");

        context.clock().fastForward("27:30");
        page.waitForTimeout(1_500);
        assertThat(warning).isHidden();

        context.clock().fastForward("00:40");
        assertThat(warning).isVisible();
        assertThat(page.locator(".idle-left")).hasText(Pattern.compile("in 1:[45]\\d"));
        assertThat(page.getByRole(AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName("Are you still there?"))).isVisible();

        page.locator("#idle-stay").click();
        assertThat(warning).isHidden();

        // keys pressed send nothing to the server (as in a long note, until the field is left), yet someone is there: 20 + 20 minutes, no notice
        context.clock().fastForward("20:00");
        page.keyboard().type("still writing");
        context.clock().fastForward("20:00");
        page.waitForTimeout(1_500);
        assertThat(warning).isHidden();

        context.clock().fastForward("30:05");
        page.waitForURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("#signed-out-idle")).containsText("nothing was done for 30 minutes");
        assertThat(database.queryForList("""
                select detail from audit_entry where actor_id = ? and action = 'SIGN_OUT'""", String.class,
                member.id())).containsExactly("after 30 minutes without activity");

        // signing in again leads back to the page left open
        signInWithSecret(member.username(), StaffFixtures.PASSWORD, secret);
        page.waitForURL(Pattern.compile(".*/staff/waitlist$"));
        assertThat(page.locator("#signed-out-idle")).hasCount(0);
    }

    @Test
    void useInOneTabKeepsTheOtherFromWarningAndTheNoticeFitsAPhone() {
        var member = staff.member(StaffRole.THERAPIST);
        Page first = usePhone(320, 640);
        context.clock().install();
        open("/login");
        signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        BrowserContext shared = context;
        Page second = shared.newPage();
        second.navigate(url("/staff/waitlist"));
        assertThat(second.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();

        shared.clock().fastForward("20:00");
        first.keyboard().press("Shift");
        shared.clock().fastForward("09:00");
        second.waitForTimeout(1_500);
        assertThat(second.locator("#idle-warning")).isHidden();
        assertThat(first.locator("#idle-warning")).isHidden();

        shared.clock().fastForward("19:30");
        for (Page tab : new Page[] {first, second}) {
            Locator warning = tab.locator("#idle-warning");
            assertThat(warning).isVisible();
            var box = warning.boundingBox();
            assertThat(box.x).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).isLessThanOrEqualTo(320);
            assertThat(tab.locator("#idle-stay").boundingBox().y + 10).isLessThan(640);
        }

        second.locator("#idle-stay").click();
        assertThat(second.locator("#idle-warning")).isHidden();
        assertThat(first.locator("#idle-warning")).isHidden();
    }
}
