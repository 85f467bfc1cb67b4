package app.thaw.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.StaffId;
import app.thaw.security.IssuedLink;
import app.thaw.security.NewStaffMember;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffDetails;
import app.thaw.security.StaffFixtures;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;
import app.thaw.security.TeamMember;

/**
 * Team › Actions › Edit details: a new surname or a mistyped address corrected by the practice manager, by the rules
 * of an invitation, with the old address told and never over someone else's newer change.
 */
@IntegrationTest
class EditStaffDetailsTest extends SpringBrowserlessTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffDetails details;

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
    void aNewNameAndAddressAreSavedTheOldAddressIsToldAndTheUsernameStays() {
        var member = staff.member(StaffRole.THERAPIST);
        String oldEmail = member.username() + "@example.org";
        String newEmail = "married." + member.username() + "@example.org";
        var view = navigate(StaffAccountsView.class);

        var dialog = openEdit(view, member.username());
        assertThat(dialog.name.getValue()).isEqualTo(member.displayName());
        assertThat(dialog.email.getValue()).isEqualTo(oldEmail);
        test(dialog.name).setValue("  Dr Jo Byrne-" + member.username() + " ");
        test(dialog.email).setValue(" " + newEmail);
        test(dialog.save).click();

        String newName = "Dr Jo Byrne-" + member.username();
        assertThat(dialog.isOpened()).isFalse();
        TeamMember row = rowOf(member.username());
        assertThat(row.displayName()).isEqualTo(newName);
        assertThat(row.email()).isEqualTo(newEmail);
        assertThat(row.username()).as("they sign in as before").isEqualTo(member.username());
        assertThat(find(Paragraph.class).withClassName("team-outcome").single().getText()).isEqualTo("Saved "
                + newName + "'s details. Their previous email address has been told of the change.");

        // the notice is in the outbox, to the old address only, and says nothing of where the account now points
        var notices = jdbc.queryForList("select recipient, subject, body_text from outbox_message "
                + "where kind = 'STAFF_EMAIL_CHANGED' and (recipient = ? or recipient = ?)", oldEmail, newEmail);
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.get("recipient")).isEqualTo(oldEmail);
            assertThat(notice.get("subject")).isEqualTo("The email address of your Thaw account was changed");
            assertThat((String) notice.get("body_text")).startsWith("Dear " + member.displayName() + ",")
                    .contains("was changed by a practice manager").doesNotContain(newEmail);
        });
        // the audit log names whom and what, as for every staff change, and no address
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'STAFF_DETAILS_CHANGED' "
                + "and detail like ?", String.class, "%(" + member.username() + ")%")).singleElement()
                .isEqualTo(newName + " (" + member.username() + "): name changed (was " + member.displayName()
                        + "); email address changed; the old address was told");
    }

    @Test
    @WithUserDetails("admin")
    void aColleaguesAddressInOtherCapitalsIsRefusedUnderEmailAndNothingChanges() {
        var member = staff.member(StaffRole.THERAPIST);
        var view = navigate(StaffAccountsView.class);

        var dialog = openEdit(view, member.username());
        test(dialog.name).setValue("Renamed " + member.username());
        test(dialog.email).setValue("AMIRA.khan@thaw.example");
        test(dialog.save).click();

        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).startsWith("Dr Amira Khan already uses this address.");
        assertThat(dialog.name.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).as("still open to correct").isTrue();
        assertThat(dialog.save.isEnabled()).isTrue();
        TeamMember row = rowOf(member.username());
        assertThat(row.displayName()).isEqualTo(member.displayName());
        assertThat(row.email()).isEqualTo(member.username() + "@example.org");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'STAFF_EMAIL_CHANGED' "
                + "and recipient = ?", Integer.class, member.username() + "@example.org")).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void aMalformedAddressIsRefusedUnderEmailAndBlankFieldsUnderThemselves() {
        var member = staff.member(StaffRole.THERAPIST);
        var view = navigate(StaffAccountsView.class);
        var dialog = openEdit(view, member.username());

        test(dialog.email).setValue(member.username() + "@example");
        test(dialog.save).click();
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).isEqualTo("Enter their work email address, e.g. "
                + "name@practice.org.");
        assertThat(dialog.name.isInvalid()).isFalse();

        test(dialog.name).setValue(" ");
        test(dialog.email).setValue("");
        test(dialog.save).click();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).startsWith("Enter their name");
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(rowOf(member.username()).email()).isEqualTo(member.username() + "@example.org");
    }

    @Test
    @WithUserDetails("admin")
    void aFormOpenedBeforeSomeoneElsesChangeIsRefusedAndKeepsTheTyping() {
        var member = staff.member(StaffRole.THERAPIST);
        var view = navigate(StaffAccountsView.class);
        var dialog = openEdit(view, member.username());

        // another practice manager, in another tab, corrects the name while this form is open
        String theirs = "Their " + member.username();
        TeamMember shown = rowOf(member.username());
        details.changeDetails(StaffId.of(member.id()), theirs, shown.email(), shown.version());

        test(dialog.name).setValue("Mine " + member.username());
        test(dialog.email).setValue("mine." + member.username() + "@example.org");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problem.isVisible()).isTrue();
        assertThat(dialog.problem.getText()).isEqualTo("Someone else changed " + theirs + "'s account since you "
                + "opened this, so nothing was saved. Cancel to see the team as it is now, then edit their details "
                + "again if they still need it; what you typed is still here.");
        assertThat(dialog.name.getValue()).isEqualTo("Mine " + member.username());
        TeamMember row = rowOf(member.username());
        assertThat(row.displayName()).isEqualTo(theirs);
        assertThat(row.email()).isEqualTo(member.username() + "@example.org");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'STAFF_EMAIL_CHANGED' "
                + "and recipient = ?", Integer.class, member.username() + "@example.org")).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void aMistypedInvitationAddressIsCorrectedAndTheLinkGoesAgainToTheRightOneOnly() {
        String username = "v" + UUID.randomUUID().toString().substring(0, 8);
        String typo = username + "@exmaple.org";
        IssuedLink first = administration.invite(new NewStaffMember("Robin " + username, username, typo,
                StaffRole.THERAPIST));
        var view = navigate(StaffAccountsView.class);

        var dialog = openEdit(view, username);
        test(dialog.email).setValue(username + "@example.org");
        test(dialog.save).click();

        TextField link = find(TextField.class).withId("issued-link").single();
        assertThat(link.getValue()).contains("/welcome/").isNotEqualTo(first.url());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'STAFF_INVITATION' "
                + "and recipient = ?", Integer.class, username + "@example.org")).isOne();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'STAFF_EMAIL_CHANGED' "
                + "and recipient = ?", Integer.class, typo)).isOne();
        // whoever reads the mistyped mailbox can no longer choose this account's password
        assertThatThrownBy(() -> passwords.chooseWithLink(StaffFixtures.token(first), StaffFixtures.PASSWORD,
                StaffFixtures.PASSWORD)).isInstanceOf(StaffActionRefused.class);
        assertThat(StaffAccountsView.status(rowOf(username))).startsWith("Invited · link open until");
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCallingTheServiceIsRefused() {
        long amira = jdbc.queryForObject("select id from staff_account where username = 'amira'", Long.class);
        long version = jdbc.queryForObject("select version from staff_account where id = ?", Long.class, amira);

        assertThatThrownBy(() -> details.changeDetails(StaffId.of(amira), "Dr Amira Khan",
                "someone.else@example.org", version)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select email from staff_account where id = ?", String.class, amira))
                .isNotEqualTo("someone.else@example.org");
    }

    private EditDetailsDialog openEdit(StaffAccountsView view, String username) {
        var bar = new MenuBar();
        view.rowActions(rowOf(username), bar.addItem("Actions").getSubMenu());
        UI.getCurrent().add(bar);
        new MenuBarTester<>(bar).clickItem("Actions", "Edit details…");
        return find(EditDetailsDialog.class).single();
    }

    private TeamMember rowOf(String username) {
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = find(Grid.class).single();
        for (int row = 0; row < test(grid).size(); row++) {
            if (test(grid).getRow(row).username().equals(username)) {
                return test(grid).getRow(row);
            }
        }
        throw new AssertionError(username + " is not in the team list");
    }
}
