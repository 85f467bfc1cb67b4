package app.thaw.security.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.TitleRow;
import app.thaw.base.ui.WrappingCell;
import app.thaw.security.ChangedDetails;
import app.thaw.security.Roles;
import app.thaw.security.SecondFactorService;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffDetails;
import app.thaw.security.StaffRole;
import app.thaw.security.TeamMember;

/**
 * The practice team as the practice manager sees it: invite people, correct a name or email address, change roles,
 * deactivate and reactivate, reset passwords, lift a sign-in pause. Each row has an Actions menu ({@link #rowActions}) where further account actions belong.
 */
@Route(value = "staff/admin/team", layout = MainLayout.class)
@PageTitle("Team · Thaw")
@Menu(order = 90, title = "Team", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class StaffAccountsView extends VerticalLayout {

    private static final DateTimeFormatter UNTIL = PracticeTime.DAY_COMMA_TIME;

    private final StaffAdministration staff;
    private final SecondFactorService secondFactor;
    private final StaffDetails details;
    private final Grid<TeamMember> grid = new Grid<>();
    private final Paragraph outcome = new Paragraph();

    public StaffAccountsView(StaffAdministration staff, SecondFactorService secondFactor, StaffDetails details) {
        this.staff = staff;
        this.secondFactor = secondFactor;
        this.details = details;
        setSizeFull();
        var invite = new Button("Invite a staff member", click -> new InviteDialog(staff, link -> {
            refresh();
            showNewcomer(link.recipientEmail());
            say("Invitation sent to " + link.recipientName() + ".");
            new LinkDialog("Invitation for " + link.recipientName(), link).open();
        }).open());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var rules = new Paragraph("New staff choose their own password with a one-use link. Deactivating someone "
                + "signs them out everywhere at once. A therapist's sessions, cases and reviews are handed over "
                + "before they are deactivated or given another role (only therapists see clients). The practice "
                + "always keeps at least one active practice manager: to change or deactivate the last one, make "
                + "someone else a practice manager first.");
        rules.addClassName("team-rules");
        outcome.addClassName("team-outcome");
        outcome.getElement().setAttribute("role", "status");

        // a name, role, username or address wraps: Status and the actions stay within a tablet's 734 px
        grid.addClassName("team-grid");
        grid.addColumn(TeamMember::displayName).setHeader("Name").setSortable(true).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(WrappingCell.of(TeamMember::username)).setHeader("Username").setWidth("6rem").setFlexGrow(1);
        grid.addColumn(m -> m.role().label()).setHeader("Role").setWidth("6rem").setFlexGrow(1);
        // an address breaks at its "@" if it must (a practice's addresses can be long), never inside a word first
        grid.addColumn(WrappingCell.email(TeamMember::email)).setHeader("Email").setWidth("9rem").setFlexGrow(2);
        grid.addColumn(StaffAccountsView::status).setHeader("Status").setAutoWidth(true);
        // on a phone the other columns scroll sideways under it: each person's actions stay on the screen
        // sized for the word: measured automatically, the column was narrower than its menu, which then folded into
        // "···" and needed two taps (··· then Actions) to reach any action
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("7.5rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Practice team");
        add(TitleRow.of("Team", invite), rules, outcome, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    static String status(TeamMember member) {
        String paused = member.isSignInPaused() && member.isActive()
                ? " · sign-in paused until " + UNTIL.format(member.signInPausedUntil()) + " after failed tries" : "";
        if (member.awaitsPassword()) {
            return member.status().label() + (member.linkExpiresAt() == null ? " · link expired"
                    : " · link open until " + UNTIL.format(member.linkExpiresAt())) + paused;
        }
        return member.status().label() + paused;
    }

    private MenuBar actions(TeamMember member) {
        var bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_SMALL);
        bar.getElement().setAttribute("aria-label", "Actions for " + member.displayName());
        rowActions(member, bar.addItem("Actions").getSubMenu());
        return bar;
    }

    /** The account actions offered for one person; add new ones here. */
    void rowActions(TeamMember member, SubMenu menu) {
        menu.addItem("Edit details…", click -> new EditDetailsDialog(details, member, this::detailsSaved,
                this::refresh).open());
        if (member.isActive()) {
            if (member.isSignInPaused()) {
                menu.addItem("Lift sign-in pause…", click -> confirm("Let " + member.displayName()
                        + " sign in again now?", "Their sign-in was paused after several failed tries. Lift the pause "
                        + "once you know the tries were theirs (for example they rang you); if they weren't, consider "
                        + "resetting their password instead.", "Lift pause", () -> {
                            staff.liftSignInPause(StaffId.of(member.id()));
                            return member.displayName() + " can sign in again now.";
                        }));
            }
            menu.addItem("Change role…", click -> changeRole(member));
            if (member.awaitsPassword()) {
                menu.addItem("Send a new link", click -> run(() -> {
                    var link = staff.renewLink(StaffId.of(member.id()));
                    new LinkDialog("New link for " + member.displayName(), link).open();
                    return "A new link was emailed to " + member.displayName() + "; the previous one no longer works.";
                }));
            }
            if (!member.awaitsPassword()) {
                // someone still to choose a password has none to reset: "Send a new link" is theirs
                menu.addItem("Reset authenticator…", click -> new ResetSecondFactorDialog(secondFactor,
                        member.id(), member.displayName()).open());
                menu.addItem("Reset password…", click -> confirm("Reset " + member.displayName() + "'s password?",
                        "Their current password stops working now and they are signed out everywhere. They get an "
                                + "email with a link to choose a new one, and you'll see the link once to pass on.",
                        "Reset password", () -> {
                            var link = staff.resetPassword(StaffId.of(member.id()));
                            new LinkDialog("Reset link for " + member.displayName(), link).open();
                            return "Password reset for " + member.displayName() + ".";
                        }));
            }
            if (member.role() == StaffRole.THERAPIST) {
                // sessions to come and cases they hold go somewhere first (the practice feature's hand-over page)
                menu.addItem("Hand over and deactivate…", click -> getUI().ifPresent(ui -> ui.navigate(
                        "staff/admin/team/" + member.id() + "/hand-over")));
            }
            menu.addItem("Deactivate…", click -> confirm("Deactivate " + member.displayName() + "?",
                    "They are signed out everywhere at once and can't sign in until reactivated. Their cases, "
                            + "notes and history stay as they are.",
                    "Deactivate", () -> {
                        staff.deactivate(StaffId.of(member.id()));
                        return member.displayName() + " is deactivated and signed out.";
                    }));
        } else {
            menu.addItem("Reactivate", click -> run(() -> {
                staff.reactivate(StaffId.of(member.id()));
                return member.displayName() + " can sign in again.";
            }));
        }
    }

    private void detailsSaved(ChangedDetails changed) {
        refresh();
        say("Saved " + changed.displayName() + "'s details." + (changed.emailChanged()
                ? " Their previous email address has been told of the change." : "") + (changed.newLink() == null
                ? "" : " Their password link went again to the new address; the one sent before no longer works."));
        if (changed.newLink() != null) {
            new LinkDialog("New link for " + changed.displayName(), changed.newLink()).open();
        }
    }

    private void changeRole(TeamMember member) {
        var role = new Select<StaffRole>();
        role.setLabel("Role");
        role.setItems(StaffRole.values());
        role.setItemLabelGenerator(StaffRole::label);
        role.setValue(member.role());
        confirm("Change " + member.displayName() + "'s role", "A new role takes effect at their next sign-in: "
                + "they are signed out now.", "Change role", () -> {
                    staff.changeRole(StaffId.of(member.id()), role.getValue());
                    return member.displayName() + " is now " + role.getValue().label().toLowerCase(Locale.UK) + ".";
                }, role);
    }

    private void confirm(String title, String text, String action, Action work,
                         com.vaadin.flow.component.Component... fields) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.add(new Paragraph(text));
        dialog.add(fields);
        var go = new Button(action, click -> {
            dialog.close();
            run(work);
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }

    private void run(Action work) {
        try {
            say(work.run());
        } catch (StaffActionRefused refused) {
            outcome.setText(refused.getMessage());
            outcome.addClassName("refused");
        }
        refresh();
    }

    private void say(String text) {
        outcome.setText(text);
        outcome.removeClassName("refused");
    }

    private void refresh() {
        grid.setItems(staff.team());
    }

    // in a long team the newcomer's row may be far down (or not yet drawn): the manager sees it at once, selected
    private void showNewcomer(String email) {
        // by index, in the order shown: scrolling to an item runs a script the strict CSP has no hash for
        List<TeamMember> shown = grid.getListDataView().getItems().toList();
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).email().equalsIgnoreCase(email)) {
                grid.select(shown.get(i));
                grid.scrollToIndex(i);
                return;
            }
        }
    }

    @FunctionalInterface
    private interface Action {
        String run();
    }
}
