package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionFormat;

class CalendarViewTest extends DiaryViewTest {

    @Test
    @WithUserDetails("amira")
    void theWeekShowsABookedSessionWithItsRoomAndTheWorkingHoursShaded() {
        var client = data.individual();
        var room = data.room();
        LocalDate monday = DiaryTestData.futureMonday(clock, 3);
        LocalDate wednesday = monday.plusDays(2);
        setup.addException(StaffId.of(data.idOf("amira")), wednesday, true, LocalTime.of(8, 0), LocalTime.of(12,
                30), "Extra");
        var booked = scheduling.book(new BookingRequest(client.id(), null, data.idOf("amira"), individualType(),
                SessionFormat.IN_PERSON, room.id(), DiaryTestData.uk(wednesday.atTime(9, 15)), null));
        assertThat(booked).isInstanceOf(BookingResult.Booked.class);

        openDiary(Map.of("date", wednesday.toString()));

        SessionBlock block = find(SessionBlock.class).withCondition(b -> textOf(b).contains(client.name())).single();
        assertThat(textOf(block)).contains("09:15–10:05", "Individual session",
                room.name());
        assertThat(block.getStyle().get("grid-row")).isEqualTo((2 + 15) + " / " + (2 + 25));
        assertThat(block.getStyle().get("grid-column")).isEqualTo("4");
        assertThat(find(Div.class).withClassName("diary-working").withAttribute("data-working", "08:00–12:30")
                .exists()).isTrue();
        assertThat(range()).isEqualTo(DiaryFormat.range(monday, monday.plusDays(6)));
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Diary",
                "Client requests").doesNotContain("Rooms & hours");
    }

    @Test
    @WithUserDetails("amira")
    void nextPreviousAndTodayMoveTheRangeAndDayViewShowsOneDay() {
        LocalDate monday = DiaryTestData.futureMonday(clock, 3);
        openDiary(Map.of("date", monday.plusDays(3).toString()));
        assertThat(range()).isEqualTo(DiaryFormat.range(monday, monday.plusDays(6)));

        test(find(Button.class).withText("Next").single()).click();
        assertThat(range()).isEqualTo(DiaryFormat.range(monday.plusWeeks(1), monday.plusDays(13)));

        test(find(Button.class).withText("Previous").single()).click();
        test(find(Button.class).withText("Previous").single()).click();
        assertThat(range()).isEqualTo(DiaryFormat.range(monday.minusWeeks(1), monday.minusDays(1)));

        test(find(RadioButtonGroup.class).withLabel("View").single()).selectItem("Day");
        assertThat(range()).isEqualTo(DiaryFormat.LONG_DAY.format(monday.minusWeeks(1).plusDays(3)));
        assertThat(find(Div.class).withClassName("diary-day-head").all()).hasSize(1);
        test(find(Button.class).withText("Next").single()).click();
        assertThat(range()).isEqualTo(DiaryFormat.LONG_DAY.format(monday.minusWeeks(1).plusDays(4)));

        test(find(Button.class).withText("Today").single()).click();
        assertThat(find(Div.class).withClassName("diary-today").exists()).isTrue();
    }

    @Test
    @WithUserDetails("amira")
    void clickingAnEmptySlotOpensTheBookingDialogAtThatTime() {
        LocalDate monday = DiaryTestData.futureMonday(clock, 3);
        openDiary(Map.of("date", monday.toString()));

        var slot = monday.plusDays(1).atTime(16, 30);
        test(find(Div.class).withAttribute("data-slot", slot.toString()).single()).click();

        var dialog = find(BookSessionDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(find(DateTimePicker.class, dialog).single().getValue()).isEqualTo(slot);
        @SuppressWarnings("unchecked")
        Select<Object> therapist = find(Select.class, dialog).withLabel("Therapist").single();
        assertThat(therapist.isReadOnly()).isTrue();
        assertThat(therapist.getValue().toString()).contains("Dr Amira Khan");
    }

    @Test
    @WithUserDetails("amira")
    void aCaseReferenceInTheLinkOpensBookingForThatCase() {
        var client = data.individual();

        openDiary(Map.of("case", client.reference()));

        var dialog = find(BookSessionDialog.class).single();
        var reference = find(TextField.class, dialog).withLabel("Case reference").single();
        assertThat(reference.getValue()).isEqualTo(client.reference());
        assertThat(reference.getHelperText()).contains(client.name());
    }

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerSeesTheWholePracticeAndCanPickOneTherapist() {
        var client = data.individual();
        LocalDate monday = DiaryTestData.futureMonday(clock, 3);
        data.as("amira", () -> scheduling.book(new BookingRequest(client.id(), null, data.idOf("amira"),
                individualType(), SessionFormat.ONLINE, null, DiaryTestData.uk(monday.atTime(20, 0)), null)));

        openDiary(Map.of("date", monday.toString()));
        @SuppressWarnings("unchecked")
        Select<CalendarView.Owner> owner = find(Select.class).withLabel("Diary of").single();
        assertThat(owner.getValue().name()).isEqualTo("Whole practice");
        var block = find(SessionBlock.class).withCondition(b -> textOf(b).contains(client.name())).single();
        assertThat(textOf(block)).contains("Online", "Dr Amira Khan");

        test(owner).selectItem("Tom Whitfield");
        assertThat(find(SessionBlock.class).withCondition(b -> textOf(b).contains(client.name())).exists()).isFalse();
        test(owner).selectItem("Dr Amira Khan");
        assertThat(find(SessionBlock.class).withCondition(b -> textOf(b).contains(client.name())).exists()).isTrue();
    }

    private void openDiary(Map<String, String> query) {
        UI.getCurrent().navigate(CalendarView.class, QueryParameters.simple(new LinkedHashMap<>(query)));
        assertThat(getCurrentView()).isInstanceOf(CalendarView.class);
    }

    private String range() {
        return find(H2.class).withClassName("calendar-range").single().getText();
    }

    private long individualType() {
        return setup.types().stream().filter(t -> t.code().equals("INDIVIDUAL")).findFirst().orElseThrow().id();
    }

    static String textOf(com.vaadin.flow.component.Component component) {
        return component.getElement().getTextRecursively();
    }
}
