package app.thaw.scheduling.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.ids.RoomId;
import app.thaw.base.ui.FormProblem;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.DiarySetupService.RoomView;
import app.thaw.scheduling.domain.Room;

/**
 * Corrects a room's name. Sessions booked there show the new name at once; one changed by someone else since this
 * opened is refused here rather than overwritten, with the typing kept.
 */
class RenameRoomDialog extends Dialog {

    final TextField name = new TextField("Name");
    final FormProblem problem = new FormProblem();
    final Button save = new Button("Save name");

    RenameRoomDialog(DiarySetupService setup, RoomView room, Consumer<RoomView> renamed, Runnable changedMeanwhile) {
        setHeaderTitle("Rename " + room.name());
        setWidth("min(32rem, 95vw)");
        name.setValue(room.name());
        name.setMaxLength(Room.NAME_MAX);
        name.setWidthFull();
        name.setManualValidation(true);
        name.setHelperText("Sessions already booked there show the new name.");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a double-click's second click would find the room already renamed, at a newer version
        save.setDisableOnClick(true);
        save.addClickShortcut(Key.ENTER).listenOn(name);
        save.addClickListener(click -> {
            name.setInvalid(false);
            problem.clear();
            try {
                RoomView saved = setup.renameRoom(RoomId.of(room.id()), name.getValue(), room.version());
                close();
                renamed.accept(saved);
            } catch (ChangedMeanwhile stale) {
                problem.show(stale.getMessage());
                changedMeanwhile.run();
            } catch (IllegalArgumentException refused) {
                name.setErrorMessage(refused.getMessage());
                name.setInvalid(true);
                name.focus();
            } finally {
                save.setEnabled(true);
            }
        });
        add(problem, name);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
