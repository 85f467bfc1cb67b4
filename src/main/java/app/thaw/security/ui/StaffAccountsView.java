package app.thaw.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.MainLayout;
import app.thaw.security.Roles;
import app.thaw.security.SecondFactorService;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

/** The practice team as the practice manager sees it. */
@Route(value = "staff/admin/team", layout = MainLayout.class)
@PageTitle("Team · Thaw")
@Menu(order = 90, title = "Team", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class StaffAccountsView extends VerticalLayout {

    public StaffAccountsView(StaffAccountService staff, SecondFactorService secondFactor) {
        setSizeFull();
        var grid = new Grid<StaffSummary>();
        grid.addColumn(StaffSummary::displayName).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(StaffSummary::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(s -> s.role().label()).setHeader("Role").setAutoWidth(true);
        grid.addColumn(StaffSummary::email).setHeader("Email").setAutoWidth(true);
        grid.addColumn(s -> s.active() ? "Active" : "Deactivated").setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(member -> {
            var reset = new Button("Reset authenticator",
                    click -> new ResetSecondFactorDialog(secondFactor, member).open());
            reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return reset;
        }).setHeader("Second factor").setAutoWidth(true);
        grid.setItems(staff.listStaff());
        grid.setAriaLabel("Practice team");
        add(new H2("Team"), grid);
        setFlexGrow(1, grid);
    }
}
