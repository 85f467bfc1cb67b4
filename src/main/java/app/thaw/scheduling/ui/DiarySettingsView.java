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
import app.thaw.scheduling.BookingCases;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.FreeSlotService;
import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.MeetingLinks;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionNoteService;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

/**
 * The practice manager's diary setup: rooms, session lengths, closed days (bank holidays), and each therapist's hours,
 * extra hours and time away.
 */
@Route(value = "staff/admin/diary", layout = MainLayout.class)
@PageTitle("Rooms & hours · Thaw")
@Menu(order = 92, title = "Rooms & hours", icon = "vaadin:building")
@RolesAllowed(Roles.ADMIN)
public class DiarySettingsView extends Div {

    public DiarySettingsView(SchedulingService scheduling, SessionChanges changes, DiarySetupService setup,
                             LeaveService leave, FreeSlotService freeSlots, BookingCases cases,
                             SessionNoteService notes, StaffAccountService staff, CurrentUser currentUser,
                             MeetingLinks links, Clock clock) {
        addClassName("diary-settings");
        var diary = new DiaryContext(scheduling, changes, setup, leave, freeSlots, cases, notes, staff,
                currentUser.require(), clock);
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
                hours.add(new WeeklyHoursPanel(setup, id, () -> { }), new TimeAwayPanel(diary, id, () -> { }),
                        new ExtraHoursPanel(diary, id, () -> { }), new MeetingLinkPanel(links, id));
            }
        });
        var working = new Div(new H3("Working hours and time away"), therapist, hours);
        working.addClassName("settings-panel");
        var columns = new Div(new RoomsPanel(setup), new SessionLengthsPanel(setup));
        columns.addClassName("settings-columns");
        add(new H2("Rooms & hours"), columns, new MeetingLinkPanel(links, null), working, new ClosedDaysPanel(diary));
        therapist.getListDataView().getItems().findFirst().ifPresent(therapist::setValue);
    }
}
