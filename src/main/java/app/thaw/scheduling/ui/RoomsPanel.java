package app.thaw.scheduling.ui;

import java.util.Objects;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.base.PracticeTime;
import app.thaw.base.ids.RoomId;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.DiarySetupService.RoomView;
import app.thaw.base.ui.Toasts;

/**
 * The practice's rooms: add one, rename one, take one out of use (no new session there; times held in it for waiting clients go
 * back; past sessions keep their room, and the manager is told of sessions still booked in it).
 */
class RoomsPanel extends Div {

    private final DiarySetupService setup;
    private final Grid<RoomView> grid = new Grid<>();
    private final TextField name = new TextField("New room");
    private final Paragraph stillBooked = new Paragraph();

    RoomsPanel(DiarySetupService setup) {
        this.setup = setup;
        addClassName("settings-panel");
        grid.setAriaLabel("Rooms");
        grid.addClassName("rooms-grid");
        grid.addColumn(RoomView::name).setHeader("Room").setFlexGrow(1);
        grid.addColumn(room -> room.active() ? "In use" : "Not in use").setHeader("Status").setAutoWidth(true);
        // one column for both actions, stacked on a phone, so the name keeps the room it has at 320 px
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        name.setPlaceholder("e.g. Room 4 · Courtyard");
        // the example whole (the default width cut it to "Courtyar"), never wider than a phone
        name.setWidth("min(16em, 100%)");
        name.setMaxLength(80);
        name.setManualValidation(true);
        // a double-click's second click found the field just emptied and said the room needed a name
        var add = new Button("Add room", click -> add(click.getSource()));
        add.setDisableOnClick(true);
        add.addClickShortcut(Key.ENTER).listenOn(name);
        var form = new FlexLayout(name, add);
        form.addClassName("settings-form");
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        stillBooked.setId("room-still-booked");
        add(new H3("Rooms"), grid, stillBooked, form);
        refresh();
    }

    private Div actions(RoomView room) {
        var rename = new Button("Rename…", click -> new RenameRoomDialog(setup, room, renamed -> {
            if (!renamed.name().equals(room.name())) {
                Toasts.success(room.name() + " is now called " + renamed.name() + ".");
            }
            refresh();
        }, this::refresh).open());
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        rename.setAriaLabel("Rename " + room.name());
        var actions = new Div(rename, toggle(room));
        actions.addClassName("room-actions");
        return actions;
    }

    private Button toggle(RoomView room) {
        var button = new Button(room.active() ? "Take out of use" : "Bring back into use", click -> {
            var change = setup.setRoomActive(RoomId.of(room.id()), !room.active());
            Toasts.success(room.name() + (room.active() ? " is no longer offered for bookings."
                    : " can be booked again."));
            stillBooked.setText(change.sessionsStillBooked() == 0 ? "" : room.name() + " still has "
                    + (change.sessionsStillBooked() == 1 ? "1 session" : change.sessionsStillBooked() + " sessions")
                    + " booked, the first " + PracticeTime.DAY_DATE_TIME.format(Objects.requireNonNull(change.first()))
                    + ". They go ahead there unless you move them to another room or online in the diary.");
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void add(Button button) {
        try {
            RoomView room = setup.addRoom(name.getValue());
            Toasts.success("Added " + room.name() + ".");
            name.clear();
            name.setInvalid(false);
            refresh();
        } catch (IllegalArgumentException refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
        } finally {
            button.setEnabled(true);
        }
    }

    private void refresh() {
        grid.setItems(setup.rooms());
    }
}
