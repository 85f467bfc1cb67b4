package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.DiarySetupService.RoomView;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.domain.Room;

/** Rooms & hours: a room's name corrected from its row, by the rules a new room follows, and never over a newer one. */
class RoomRenameTest extends DiaryViewTest {

    @Test
    @WithUserDetails("admin")
    void aRenamedRoomShowsItsNewNameInTheListOnSessionsBookedThereAndInTheAuditLog() {
        RoomView room = setup.addRoom("Room " + DiaryTestData.uniqueWord());
        var start = DiaryTestData.uk(DiaryTestData.futureMonday(clock, 5).plusDays(1).atTime(11, 0));
        assertThat(scheduling.book(new BookingRequest(data.individual().id(), null, data.idOf("amira"),
                jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class),
                SessionFormat.IN_PERSON, room.id(), start, null))).isInstanceOf(BookingResult.Booked.class);
        String word = DiaryTestData.uniqueWord();
        navigate(DiarySettingsView.class);

        var dialog = openRename(room);
        assertThat(dialog.name.getValue()).isEqualTo(room.name());
        test(dialog.name).setValue("  Garden   room " + word + " ");
        test(dialog.save).click();

        String renamed = "Garden room " + word;
        assertThat(dialog.isOpened()).isFalse();
        assertThat(roomNames()).contains(renamed).doesNotContain(room.name());
        assertThat(scheduling.sessions(StaffId.of(data.idOf("amira")), start.toLocalDate(), start.toLocalDate()))
                .filteredOn(session -> Long.valueOf(room.id()).equals(session.roomId())).singleElement()
                .satisfies(session -> assertThat(session.roomName()).isEqualTo(renamed));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ROOM_CHANGED' and detail = ?",
                Integer.class, "Renamed " + room.name() + " → " + renamed)).isOne();

        // the same room in other capitals is still its own name, not a clash with itself
        var again = openRename(current(room.id()));
        test(again.name).setValue("Garden Room " + word);
        test(again.save).click();
        assertThat(again.isOpened()).isFalse();
        assertThat(current(room.id()).name()).isEqualTo("Garden Room " + word);
    }

    @Test
    @WithUserDetails("admin")
    void aNameDifferingFromAnotherRoomsOnlyInCapitalsAndSpacesIsRefusedUnderTheField() {
        RoomView taken = setup.addRoom("Quiet Room " + DiaryTestData.uniqueWord());
        RoomView room = setup.addRoom("Room " + DiaryTestData.uniqueWord());
        navigate(DiarySettingsView.class);

        var dialog = openRename(room);
        test(dialog.name).setValue(" " + taken.name().toLowerCase().replace(" ", "   ") + "  ");
        test(dialog.save).click();

        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("There is already a room called " + taken.name() + ".");
        assertThat(dialog.isOpened()).as("still open to correct").isTrue();
        assertThat(dialog.save.isEnabled()).isTrue();
        assertThat(current(room.id()).name()).isEqualTo(room.name());
    }

    @Test
    @WithUserDetails("admin")
    void anEmptyOrTooLongNameIsRefusedUnderTheField() {
        RoomView room = setup.addRoom("Room " + DiaryTestData.uniqueWord());
        navigate(DiarySettingsView.class);
        var dialog = openRename(room);

        test(dialog.name).setValue("   ");
        test(dialog.save).click();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("A room needs a name of up to " + Room.NAME_MAX
                + " characters.");

        // past the field's own limit, as a tampered page would send it
        dialog.name.setValue("R".repeat(Room.NAME_MAX + 1));
        test(dialog.save).click();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("A room needs a name of up to " + Room.NAME_MAX
                + " characters.");
        assertThat(current(room.id()).name()).isEqualTo(room.name());
    }

    @Test
    @WithUserDetails("admin")
    void aRenameFromAFormOpenedBeforeSomeoneElsesChangeIsRefusedAndKeepsTheTyping() {
        RoomView room = setup.addRoom("Room " + DiaryTestData.uniqueWord());
        RoomView other = setup.addRoom("Room " + DiaryTestData.uniqueWord());
        navigate(DiarySettingsView.class);
        var dialog = openRename(room);

        // another tab renames the room while this form is open
        String theirs = "Room " + DiaryTestData.uniqueWord();
        setup.renameRoom(RoomId.of(room.id()), theirs, room.version());

        String mine = "Room " + DiaryTestData.uniqueWord();
        test(dialog.name).setValue(mine);
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problem.isVisible()).isTrue();
        assertThat(dialog.problem.getText()).isEqualTo("Someone else changed this room since you opened this: it is "
                + "now " + theirs + ", in use. Nothing was saved. Cancel to see the rooms as they are now, then rename "
                + "it again if it still needs it.");
        assertThat(dialog.name.getValue()).isEqualTo(mine);
        assertThat(dialog.name.isInvalid()).isFalse();
        assertThat(current(room.id()).name()).isEqualTo(theirs);
        assertThat(roomNames()).as("the list behind shows their change").contains(theirs);
        test(find(Button.class).withText("Cancel").single()).click();

        // and another takes a room out of use while its form is open
        var outOfUse = openRename(other);
        setup.setRoomActive(RoomId.of(other.id()), false);
        test(outOfUse.name).setValue("Room " + DiaryTestData.uniqueWord());
        test(outOfUse.save).click();
        assertThat(outOfUse.problem.getText()).contains("it is now " + other.name() + ", not in use.");
        assertThat(current(other.id()).name()).isEqualTo(other.name());
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCannotRenameARoom() {
        RoomView room = data.room();
        assertThatThrownBy(() -> setup.renameRoom(RoomId.of(room.id()), "Sneaky room", room.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.as("admin", () -> setup.rooms())).filteredOn(r -> r.id() == room.id()).singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo(room.name()));
    }

    /** The room's "Rename…" in its row, as the grid draws it. */
    private RenameRoomDialog openRename(RoomView room) {
        @SuppressWarnings("unchecked")
        Grid<RoomView> grid = find(Grid.class).withClassName("rooms-grid").single();
        int row = IntStream.range(0, test(grid).size()).filter(i -> test(grid).getRow(i).id() == room.id())
                .findFirst().orElseThrow();
        Button rename = find(Button.class).from(test(grid).getCellComponent(row, 2)).withText("Rename…").single();
        assertThat(rename.getElement().getAttribute("aria-label")).isEqualTo("Rename " + room.name());
        test(rename).click();
        return find(RenameRoomDialog.class).single();
    }

    private RoomView current(long id) {
        return setup.rooms().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private java.util.List<String> roomNames() {
        @SuppressWarnings("unchecked")
        Grid<RoomView> grid = find(Grid.class).withClassName("rooms-grid").single();
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getCellText(i, 0)).toList();
    }
}
