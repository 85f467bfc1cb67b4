package app.thaw.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.security.IssuedLink;
import app.thaw.security.NewStaffMember;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffFixtures;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;
import app.thaw.security.TeamMember;

@IntegrationTest
class StaffAccountsViewTest extends SpringBrowserlessTest {

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
    @WithUserDetails("admin")
    void theAdminInvitesSomeoneAndSeesTheLinkOnceAndTheirRowAsInvited() {
        String username = "v" + UUID.randomUUID().toString().substring(0, 8);
        navigate(StaffAccountsView.class);

        test(find(Button.class).withText("Invite a staff member").single()).click();
        var dialog = find(InviteDialog.class).single();
        test(dialog.username).setValue("Not A Username!");
        test(dialog.name).setValue("Jo Marsh");
        test(dialog.email).setValue("jo.marsh@example.org");
        test(find(Button.class).withText("Send invitation").single()).click();
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).contains("lower-case letters");

        test(dialog.username).setValue(username);
        test(find(Button.class).withText("Send invitation").single()).click();

        TextField link = find(TextField.class).withId("issued-link").single();
        assertThat(link.getValue()).contains("/welcome/").hasSizeGreaterThan(50);
        assertThat(find(Paragraph.class).withText("Invitation sent to Jo Marsh.").exists()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = find(Grid.class).single();
        TeamMember row = rowOf(grid, username);
        assertThat(StaffAccountsView.status(row)).startsWith("Invited · link open until");
        // however long the team, the newcomer's row is the one selected (and scrolled to)
        assertThat(grid.asSingleSelect().getValue()).isEqualTo(row);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = 'jo.marsh@example.org' "
                + "and kind = 'STAFF_INVITATION'", Integer.class)).isPositive();
    }

    @Test
    @WithUserDetails("admin")
    void aColleaguesAddressIsRefusedUnderEmailNamingThemAndNothingIsSent() {
        String username = "v" + UUID.randomUUID().toString().substring(0, 8);
        navigate(StaffAccountsView.class);

        test(find(Button.class).withText("Invite a staff member").single()).click();
        var dialog = find(InviteDialog.class).single();
        test(dialog.name).setValue("Second Amira");
        test(dialog.username).setValue(username);
        test(dialog.email).setValue("Amira.Khan@thaw.example");
        test(find(Button.class).withText("Send invitation").single()).click();

        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).startsWith("Dr Amira Khan already uses this address.");
        assertThat(dialog.username.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from staff_account where username = ?", Integer.class,
                username)).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void anInvitationLeftBlankFlagsEveryFieldAtOnceUnderItself() {
        navigate(StaffAccountsView.class);
        test(find(Button.class).withText("Invite a staff member").single()).click();
        var dialog = find(InviteDialog.class).single();
        test(dialog.name).setValue("   ");
        test(find(Button.class).withText("Send invitation").single()).click();

        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).startsWith("Enter their name");
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).startsWith("Enter the username");
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).startsWith("Enter their work email address");
        assertThat(find(InviteDialog.class).exists()).as("still open to correct").isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void deactivatingFromTheRowMenuAsksFirstThenSaysWhatHappened() {
        var member = staff.member(StaffRole.THERAPIST);
        var view = navigate(StaffAccountsView.class);
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = find(Grid.class).single();
        var menu = rowMenu(view, rowOf(grid, member.username()));

        new MenuBarTester<>(menu).clickItem("Actions", "Deactivate…");
        test(find(Button.class).withText("Deactivate").single()).click();

        assertThat(find(Paragraph.class).withText(member.displayName() + " is deactivated and signed out.").exists())
                .isTrue();
        assertThat(StaffAccountsView.status(rowOf(grid, member.username()))).isEqualTo("Deactivated");
    }

    @Test
    @WithUserDetails("admin")
    void changingARoleUsesTheDialogsChoice() {
        var member = staff.member(StaffRole.THERAPIST);
        var view = navigate(StaffAccountsView.class);
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = find(Grid.class).single();

        new MenuBarTester<>(rowMenu(view, rowOf(grid, member.username()))).clickItem("Actions", "Change role…");
        @SuppressWarnings("unchecked")
        Select<StaffRole> role = find(Select.class).single();
        role.setValue(StaffRole.ADMIN);
        test(find(Button.class).withText("Change role").single()).click();

        assertThat(rowOf(grid, member.username()).role()).isEqualTo(StaffRole.ADMIN);
        administration.deactivate(StaffId.of(member.id()));
    }

    @Test
    @WithUserDetails("admin")
    void aRefusalIsExplainedOnThePage() {
        var view = navigate(StaffAccountsView.class);
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = find(Grid.class).single();

        new MenuBarTester<>(rowMenu(view, rowOf(grid, "admin"))).clickItem("Actions", "Change role…");
        @SuppressWarnings("unchecked")
        Select<StaffRole> role = find(Select.class).single();
        role.setValue(StaffRole.THERAPIST);
        test(find(Button.class).withText("Change role").single()).click();

        var outcome = find(Paragraph.class).withClassName("team-outcome").single();
        assertThat(outcome.getText()).contains("You can't change your own role");
        assertThat(outcome.hasClassName("refused")).isTrue();
        assertThat(find(Paragraph.class).withClassName("team-rules").single().getText())
                .contains("at least one active practice manager")
                .contains("handed over before they are deactivated or given another role");
    }

    @Test
    @WithUserDetails("admin")
    void resettingAnAuthenticatorFromTheRowMenuRemovesItAndSignsThemOut() {
        var member = staff.member(StaffRole.THERAPIST);
        jdbc.update("insert into staff_second_factor (staff_id, secret, created_at, confirmed_at) "
                + "values (?, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', now(), now())", member.id());
        int generation = jdbc.queryForObject("select session_generation from staff_account where id = ?",
                Integer.class, member.id());
        var view = navigate(StaffAccountsView.class);
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = find(Grid.class).single();

        new MenuBarTester<>(rowMenu(view, rowOf(grid, member.username()))).clickItem("Actions", "Reset authenticator…");
        test(find(Button.class).withText("Reset authenticator").single()).click();

        assertThat(jdbc.queryForObject("select count(*) from staff_second_factor where staff_id = ?", Integer.class,
                member.id())).isZero();
        assertThat(jdbc.queryForObject("select session_generation from staff_account where id = ?", Integer.class,
                member.id())).isGreaterThan(generation);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SECOND_FACTOR_RESET' "
                + "and detail like ?", Integer.class, "%" + member.username() + "%")).isOne();
    }

    @Test
    @WithUserDetails("admin")
    void someoneStillToChooseAPasswordIsOfferedANewLinkNotAResetAndTheServiceRefusesOne() {
        String username = "v" + UUID.randomUUID().toString().substring(0, 8);
        IssuedLink invitation = administration.invite(new NewStaffMember("Sam Invitee", username,
                username + "@example.org", StaffRole.THERAPIST));
        var view = navigate(StaffAccountsView.class);
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = find(Grid.class).single();
        TeamMember invited = rowOf(grid, username);

        var actions = rowMenu(view, invited).getItems().getFirst().getSubMenu().getItems().stream()
                .map(item -> item.getText()).toList();
        assertThat(actions).contains("Send a new link").doesNotContain("Reset password…");

        // a stale page's reset is refused, pointing to the new link, and the invitation still works as it was
        assertThatThrownBy(() -> administration.resetPassword(StaffId.of(invited.id())))
                .isInstanceOf(StaffActionRefused.class).hasMessageContaining("Send a new link");
        passwords.chooseWithLink(StaffFixtures.token(invitation), StaffFixtures.PASSWORD, StaffFixtures.PASSWORD);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? "
                + "and kind = 'PASSWORD_RESET'", Integer.class, username + "@example.org")).isZero();
    }

    /** The row's Actions menu, built by the view as the grid builds it, attached so it can be clicked. */
    private static MenuBar rowMenu(StaffAccountsView view, TeamMember member) {
        var bar = new MenuBar();
        view.rowActions(member, bar.addItem("Actions").getSubMenu());
        UI.getCurrent().add(bar);
        return bar;
    }

    private TeamMember rowOf(Grid<TeamMember> grid, String username) {
        for (int row = 0; row < test(grid).size(); row++) {
            if (test(grid).getRow(row).username().equals(username)) {
                return test(grid).getRow(row);
            }
        }
        throw new AssertionError(username + " is not in the team list");
    }
}
