package app.thaw.notification;

import static app.thaw.notification.TestNotices.london;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffEmailTemplatesTest {

    private final StaffEmailTemplates templates = new StaffEmailTemplates(new EmailTemplates(TestNotices.PRACTICE));

    @Test
    void theInvitationNamesTheSignInPageAndHowToReachUsIfItWasUnexpected() {
        var email = templates.staffInvitation("Sam", "https://thaw.example/welcome/abc123",
                "https://thaw.example/login", london("2026-11-10T17:00"));

        assertThat(email.subject()).isEqualTo("Your staff account at Thaw Therapy · Manchester");
        assertThat(email.body()).startsWith("Dear Sam,")
                .contains("https://thaw.example/welcome/abc123")
                .contains("After choosing your password, sign in at https://thaw.example/login, where you'll also "
                        + "set up your second sign-in step.")
                .contains("If you weren't expecting this email, please call us on 0161 000 0000 or email "
                        + "hello@thaw.example.")
                .doesNotContain("same address").doesNotContain("ignore it and tell us");
    }
}
