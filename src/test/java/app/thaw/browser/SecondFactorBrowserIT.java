package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import app.thaw.security.TotpTestCodes;
import app.thaw.dev.DemoStaffAccounts;

/** The whole staff sign-in with its second step, as a person does it in the browser. */
class SecondFactorBrowserIT extends BrowserTest {

    private static final String PASSWORD = "browser-test-password-5";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    private final String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forget() {
        jdbc.update("delete from sign_in_throttle where throttle_key = ?", "account:" + username);
    }

    @Test
    void aNewStaffMemberSetsUpTheAuthenticatorSeesRecoveryCodesOnceAndReachesTheWorkspace() {
        jdbc.update("""
                insert into staff_account (username, display_name, email, password_hash, role, created_at)
                values (?, 'Nadia Browser', ?, ?, 'THERAPIST', now())""",
                username, username + "@example.org", passwordEncoder.encode(PASSWORD));
        open("/login");

        submitPassword(username, PASSWORD);

        page.getByText("Set up your authenticator").waitFor();
        waitForVaadin();
        assertThat(page).hasURL(url("/login/enrol"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.IMG, new com.microsoft.playwright.Page
                .GetByRoleOptions().setName("QR code to scan with your authenticator app"))).isVisible();
        String secret = page.locator(".totp-secret").innerText().replace(" ", "");
        String halfwaySession = sessionId();

        enterCode(TotpTestCodes.current(secret));

        page.getByText("Your recovery codes").waitFor();
        assertThat(page.locator(".recovery-codes li")).hasCount(10);
        org.assertj.core.api.Assertions.assertThat(sessionId()).as("a new session id once both factors are in")
                .isNotEqualTo(halfwaySession);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new com.microsoft.playwright.Page
                .GetByRoleOptions().setName("I have saved them — continue")).click();
        page.getByText("Practice workspace").waitFor();
        assertThat(page.getByText("Nadia Browser").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForList("""
                select a.action from audit_entry a join staff_account s on s.id = a.actor_id
                 where s.username = ? order by a.id""", String.class, username))
                .containsExactly("PASSWORD_ACCEPTED", "SECOND_FACTOR_ENROLLED", "SIGN_IN");
    }

    @Test
    void aDemoAccountSignsInWithTheDemoSecretAndThePasswordAloneOpensNoStaffPage() {
        open("/login");
        submitPassword("grace", DemoStaffAccounts.DEMO_PASSWORD);
        page.getByText("Enter your code").waitFor();
        waitForVaadin();
        assertThat(page).hasURL(url("/login/verify"));
        assertThat(page.getByText("Demo account: the code right now")).hasCount(0);

        open("/staff");
        assertThat(page.getByText("Practice workspace")).hasCount(0);

        open("/login/verify");
        String halfwaySession = sessionId();
        enterCode(TotpTestCodes.forDemoAccount(jdbc, "grace"));

        page.getByText("Practice workspace").waitFor();
        assertThat(page.getByText("Grace Okafor").first()).isVisible();
        org.assertj.core.api.Assertions.assertThat(sessionId()).isNotEqualTo(halfwaySession);
    }

    private String sessionId() {
        return context.cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID")).map(cookie -> cookie.value)
                .findFirst().orElseThrow();
    }

}
