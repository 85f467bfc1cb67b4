package app.thaw.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.security.IssuedLink;
import app.thaw.security.NewStaffMember;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffFixtures;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;
import app.thaw.base.ui.NotFoundView;
import app.thaw.dev.DemoStaffAccounts;
import app.thaw.outcomes.ui.OutcomesReportView;

@IntegrationTest
class PasswordPagesTest extends SpringBrowserlessTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    @WithAnonymousUser
    void theWelcomePageSaysWhatIsWrongBesideTheFieldThenSavesThePassword() {
        String username = "w" + System.nanoTime() % 10_000_000;
        IssuedLink link = staff.as("admin", () -> administration.invite(new NewStaffMember("Alex Rowe", username,
                username + "@example.org", StaffRole.THERAPIST)));
        UI.getCurrent().navigate("welcome/" + StaffFixtures.token(link));

        assertThat(getCurrentView()).isInstanceOf(WelcomeView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Welcome, Alex Rowe");
        var fields = find(NewPasswordFields.class).single();
        test(fields.password).setValue("too short");
        test(fields.repeated).setValue("too short");
        test(find(Button.class).withText("Save password").single()).click();
        assertThat(fields.password.isInvalid()).isTrue();
        assertThat(fields.password.getErrorMessage()).contains("at least 12").contains("this has 9");

        test(fields.password).setValue("alex rowe");
        test(find(Button.class).withText("Save password").single()).click();
        assertThat(fields.password.getErrorMessage()).contains("at least 12");

        test(fields.password).setValue(username + " walks home");
        test(fields.repeated).setValue(username + " walks home");
        test(find(Button.class).withText("Save password").single()).click();
        assertThat(fields.password.getErrorMessage()).contains("username");

        test(fields.password).setValue(StaffFixtures.PASSWORD);
        test(fields.repeated).setValue(StaffFixtures.PASSWORD + "!");
        test(find(Button.class).withText("Save password").single()).click();
        assertThat(fields.password.isInvalid()).isFalse();
        assertThat(fields.repeated.getErrorMessage()).contains("different");

        test(fields.repeated).setValue(StaffFixtures.PASSWORD);
        test(find(Button.class).withText("Save password").single()).click();
        assertThat(find(H1.class).single().getText()).isEqualTo("Your password is saved");

        UI.getCurrent().navigate("welcome/" + StaffFixtures.token(link));
        assertThat(find(H1.class).single().getText()).isEqualTo("This link can't be used");
        assertThat(find(Paragraph.class).withClassName("link-refusal").single().getText())
                .contains("already been used");
    }

    @Test
    @WithAnonymousUser
    void aForgedOrExpiredLinkGetsACalmRefusalAndNoForm() {
        UI.getCurrent().navigate("welcome/" + SecretToken.generate());
        assertThat(find(H1.class).single().getText()).isEqualTo("This link can't be used");
        assertThat(find(PasswordField.class).exists()).isFalse();

        String username = "x" + System.nanoTime() % 10_000_000;
        IssuedLink link = staff.as("admin", () -> administration.invite(new NewStaffMember("Kim Late", username,
                username + "@example.org", StaffRole.THERAPIST)));
        jdbc.update("update staff_password_link set created_at = now() - interval '80 hours', "
                + "expires_at = now() - interval '8 hours' where token_hash = ?",
                SecretToken.hash(StaffFixtures.token(link)));
        UI.getCurrent().navigate("welcome/" + StaffFixtures.token(link));
        assertThat(find(Paragraph.class).withClassName("link-refusal").single().getText()).contains("expired")
                .contains("72 hours");
    }

    @Test
    @WithAnonymousUser
    void theResetPageSetsTheNewPassword() {
        var member = staff.member(StaffRole.THERAPIST);
        IssuedLink link = staff.as("admin", () -> administration.resetPassword(StaffId.of(member.id())));
        UI.getCurrent().navigate("reset-password/" + StaffFixtures.token(link));

        assertThat(getCurrentView()).isInstanceOf(ResetPasswordView.class);
        var fields = find(NewPasswordFields.class).single();
        test(fields.password).setValue("winter light over the moors");
        test(fields.repeated).setValue("winter light over the moors");
        test(find(Button.class).withText("Save password").single()).click();
        assertThat(find(H1.class).single().getText()).isEqualTo("Your password is saved");
    }

    @Test
    @WithUserDetails("grace")
    void aStaffMemberChangesTheirOwnPasswordWithTheCurrentOne() {
        String before = jdbc.queryForObject("select password_hash from staff_account where username = 'grace'",
                String.class);
        try {
            navigate(ChangePasswordView.class);
            var current = find(PasswordField.class).withId("current-password").single();
            var fields = find(NewPasswordFields.class).single();
            test(current).setValue("not my password");
            test(fields.password).setValue("a lantern by the harbour wall");
            test(fields.repeated).setValue("a lantern by the harbour wall");
            test(find(Button.class).withText("Change password").single()).click();
            assertThat(current.isInvalid()).isTrue();
            assertThat(current.getErrorMessage()).contains("isn't your current password");

            test(current).setValue(DemoStaffAccounts.DEMO_PASSWORD);
            test(find(Button.class).withText("Change password").single()).click();

            assertThat(current.isInvalid()).isFalse();
            assertThat(find(Paragraph.class).withClassName("password-changed").single().getText())
                    .contains("Your password is changed");
            assertThat(jdbc.queryForObject("select password_hash from staff_account where username = 'grace'",
                    String.class)).isNotEqualTo(before);
        } finally {
            jdbc.update("update staff_account set password_hash = ? where username = 'grace'", before);
            jdbc.update("delete from sign_in_throttle where throttle_key = 'account:grace'");
        }
    }

    @Test
    void aClinicalLeadChangesTheirOwnPasswordAndIsLedBackToTheResultsNotTheQueue() {
        var lead = staff.member(StaffRole.CLINICAL_LEAD);
        staff.as(lead.username(), () -> changeAndFindTheWayBack(lead));
    }

    private void changeAndFindTheWayBack(StaffFixtures.Member lead) {
        String before = jdbc.queryForObject("select password_hash from staff_account where id = ?", String.class,
                lead.id());

        navigate(ChangePasswordView.class);
        test(find(PasswordField.class).withId("current-password").single()).setValue(StaffFixtures.PASSWORD);
        var fields = find(NewPasswordFields.class).single();
        test(fields.password).setValue("a lantern by the harbour wall");
        test(fields.repeated).setValue("a lantern by the harbour wall");
        test(find(Button.class).withText("Change password").single()).click();

        assertThat(find(Paragraph.class).withClassName("password-changed").single().getText())
                .contains("Your password is changed");
        assertThat(jdbc.queryForObject("select password_hash from staff_account where id = ?", String.class,
                lead.id())).isNotEqualTo(before);

        // a mistyped address: the way back is the lead's own first page, which is there for them
        navigate("staff/no-such-page", NotFoundView.class);
        String back = find(Anchor.class).withId("not-found-back").single().getHref();
        assertThat(back).isEqualTo(StaffRole.CLINICAL_LEAD.home());
        navigate(back, OutcomesReportView.class);
    }
}
