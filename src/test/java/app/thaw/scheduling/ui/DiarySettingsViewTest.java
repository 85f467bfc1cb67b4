package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.stream.IntStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import org.junit.jupiter.api.Test;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SessionFormat;

class DiarySettingsViewTest extends DiaryViewTest {

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerAddsARoomAndADuplicateNameIsExplained() {
        String name = "Room " + DiaryTestData.uniqueWord();
        navigate(DiarySettingsView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Rooms & hours");

        var field = find(TextField.class).withLabel("New room").single();
        test(field).setValue(name);
        test(find(Button.class).withText("Add room").single()).click();

        assertThat(roomNames()).contains(name);
        assertThat(setup.rooms()).anySatisfy(room -> {
            assertThat(room.name()).isEqualTo(name);
            assertThat(room.active()).isTrue();
        });
        assertThat(field.getValue()).isEmpty();

        test(field).setValue(name);
        test(find(Button.class).withText("Add room").single()).click();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("There is already a room called " + name + ".");
    }

    @Test
    @WithUserDetails("admin")
    void aRoomTakenOutOfUseIsNoLongerOffered() {
        String name = "Room " + DiaryTestData.uniqueWord();
        var room = setup.addRoom(name);
        var start = DiaryTestData.uk(DiaryTestData.futureMonday(clock, 5).plusDays(1).atTime(11, 0));
        assertThat(scheduling.book(new BookingRequest(data.individual().id(), null, data.idOf("amira"),
                jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class),
                SessionFormat.IN_PERSON, room.id(), start, null))).isInstanceOf(BookingResult.Booked.class);
        navigate(DiarySettingsView.class);

        @SuppressWarnings("unchecked")
        Grid<DiarySetupService.RoomView> grid = find(Grid.class).withClassName("rooms-grid").single();
        int row = IntStream.range(0, test(grid).size()).filter(i -> test(grid).getRow(i).id() == room.id())
                .findFirst().orElseThrow();
        test(find(Button.class).from(test(grid).getCellComponent(row, 2)).withText("Take out of use").single())
                .click();

        assertThat(setup.rooms()).filteredOn(r -> r.id() == room.id()).singleElement()
                .satisfies(r -> assertThat(r.active()).isFalse());
        assertThat(test(grid).getCellText(row, 1)).isEqualTo("Not in use");
        // the session already booked there goes ahead unless moved: the manager is told where they are looking
        assertThat(find(Paragraph.class).withId("room-still-booked").single().getText()).isEqualTo(name
                + " still has 1 session booked, the first " + PracticeTime.DAY_DATE_TIME.format(start)
                + ". They go ahead there unless you move them to another room or online in the diary.");
    }

    @Test
    @WithUserDetails("admin")
    void aSessionLengthOutsideTheLimitsIsRefusedWithAMessage() {
        navigate(DiarySettingsView.class);
        var minutes = find(IntegerField.class).withLabel("Individual session (minutes)").single();
        int before = minutes.getValue();

        test(minutes).setValue(5);
        test(find(Button.class).withAttribute("aria-label", "Save the length of Individual session").single())
                .click();

        assertThat(minutes.isInvalid()).isTrue();
        assertThat(minutes.getErrorMessage()).isEqualTo("A session lasts between 10 and 240 minutes.");
        assertThat(setup.types()).filteredOn(t -> t.code().equals("INDIVIDUAL")).singleElement()
                .satisfies(t -> assertThat(t.defaultMinutes()).isEqualTo(before));
    }

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerKeepsATherapistsWeeklyHours() {
        navigate(DiarySettingsView.class);
        test(find(Select.class).withLabel("Therapist").single()).selectItem("Grace Okafor");
        test(find(Select.class).withLabel("Day").single()).selectItem("Sunday");
        test(find(TimePicker.class).withLabel("From").first()).setValue(LocalTime.of(11, 0));
        test(find(TimePicker.class).withLabel("To").first()).setValue(LocalTime.of(10, 0));
        test(find(Button.class).withText("Add hours").single()).click();
        assertThat(find(TimePicker.class).withLabel("To").first().getErrorMessage())
                .isEqualTo("Working hours must end after they start.");

        test(find(TimePicker.class).withLabel("To").first()).setValue(LocalTime.of(12, 15));
        test(find(Button.class).withText("Add hours").single()).click();
        long grace = find(Select.class).withLabel("Therapist").single().getValue() instanceof
                app.thaw.security.StaffSummary s ? s.id() : -1;
        assertThat(setup.workingHours(StaffId.of(grace))).anySatisfy(h -> {
            assertThat(h.day()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(h.ends()).isEqualTo(LocalTime.of(12, 15));
        });
        assertThat(find(ListItem.class).withCondition(item -> item.getElement().getTextRecursively()
                .startsWith("Sunday 11:00–12:15")).exists()).isTrue();

        test(find(Button.class).withAttribute("aria-label", "Remove Sunday 11:00–12:15").first()).click();
        assertThat(setup.workingHours(StaffId.of(grace))).noneMatch(h -> h.day() == DayOfWeek.SUNDAY
                && h.ends().equals(LocalTime.of(12, 15)));
    }

    @Test
    @WithUserDetails("admin")
    void aRoomNameDifferingOnlyInCaseOrSpacingIsRefusedUnderTheFieldNamingTheRoom() {
        String name = "QA Test Room " + DiaryTestData.uniqueWord();
        setup.addRoom(name);
        navigate(DiarySettingsView.class);
        var field = find(TextField.class).withLabel("New room").single();

        for (String typed : java.util.List.of(name.toLowerCase(java.util.Locale.ROOT), name.replace(" ", "  "))) {
            test(field).setValue(typed);
            test(find(Button.class).withText("Add room").single()).click();
            assertThat(field.isInvalid()).as(typed).isTrue();
            assertThat(field.getErrorMessage()).isEqualTo("There is already a room called " + name + ".");
        }
        assertThat(roomNames()).filteredOn(n -> n.equalsIgnoreCase(name)).containsExactly(name);
    }

    @Test
    @WithUserDetails("admin")
    void anOverlappingBlockOfHoursIsRefusedUnderTheTimesNamingTheBlockItOverlaps() {
        navigate(DiarySettingsView.class);
        test(find(Select.class).withLabel("Therapist").single()).selectItem("Grace Okafor");
        long grace = find(Select.class).withLabel("Therapist").single().getValue() instanceof
                app.thaw.security.StaffSummary s ? s.id() : -1;
        // an early Sunday block no other test books in, removed at the end
        var early = setup.addWorkingHours(StaffId.of(grace), DayOfWeek.SUNDAY, LocalTime.of(7, 0),
                LocalTime.of(8, 0));
        try {
            test(find(Select.class).withLabel("Day").single()).selectItem("Sunday");
            test(find(TimePicker.class).withLabel("From").first()).setValue(LocalTime.of(7, 30));
            test(find(TimePicker.class).withLabel("To").first()).setValue(LocalTime.of(9, 0));
            test(find(Button.class).withText("Add hours").single()).click();

            var to = find(TimePicker.class).withLabel("To").first();
            assertThat(to.isInvalid()).isTrue();
            assertThat(to.getErrorMessage()).startsWith("Sunday already has hours from 07:00 to 08:00.");
            assertThat(setup.workingHours(StaffId.of(grace))).filteredOn(h -> h.day() == DayOfWeek.SUNDAY)
                    .containsExactly(early);
        } finally {
            setup.removeWorkingHours(StaffId.of(grace), app.thaw.base.ids.WorkingHoursId.of(early.id()));
        }
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCannotOpenRoomsAndHoursNorAddARoom() {
        UI.getCurrent().navigate(DiarySettingsView.class);

        assertThat(getCurrentView()).isNotInstanceOf(DiarySettingsView.class);
        assertThatThrownBy(() -> setup.addRoom("Sneaky room")).isInstanceOf(AuthorizationDeniedException.class);
    }

    private java.util.List<String> roomNames() {
        @SuppressWarnings("unchecked")
        Grid<DiarySetupService.RoomView> grid = find(Grid.class).withClassName("rooms-grid").single();
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getCellText(i, 0)).toList();
    }
}
