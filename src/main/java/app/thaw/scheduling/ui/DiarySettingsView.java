package app.thaw.scheduling.ui;

import java.time.Clock;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.MainLayout;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

/** The practice manager's diary setup: rooms, session lengths, and each therapist's hours and time away. */
@Route(value = "staff/admin/diary", layout = MainLayout.class)
@PageTitle("Rooms & hours · Thaw")
@Menu(order = 92, title = "Rooms & hours", icon = "vaadin:building")
@RolesAllowed(Roles.ADMIN)
public class DiarySettingsView extends Div {

    public DiarySettingsView(DiarySetupService setup, StaffAccountService staff, Clock clock) {
        addClassName("diary-settings");
        var therapist = new Select<StaffSummary>();
        therapist.setLabel("Therapist");
        therapist.setItems(staff.activeTherapists());
        therapist.setItemLabelGenerator(StaffSummary::displayName);
        var hours = new Div();
        hours.addClassName("therapist-hours");
        therapist.addValueChangeListener(change -> {
            hours.removeAll();
            if (change.getValue() != null) {
                long id = change.getValue().id();
                hours.add(new WeeklyHoursPanel(setup, id, () -> { }),
                        new ExceptionsPanel(setup, id, clock, () -> { }));
            }
        });
        var working = new Div(new H3("Working hours"), therapist, hours);
        working.addClassName("settings-panel");
        var columns = new Div(new RoomsPanel(setup), new SessionLengthsPanel(setup));
        columns.addClassName("settings-columns");
        add(new H2("Rooms & hours"), columns, working);
        therapist.getListDataView().getItems().findFirst().ifPresent(therapist::setValue);
    }
}
