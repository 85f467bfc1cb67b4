package app.thaw.scheduling.ui;

import static app.thaw.scheduling.ui.CalendarViewTest.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.IntakeId;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionView;

class SessionDialogTest extends DiaryViewTest {

    @Test
    @WithUserDetails("amira")
    void cancellingNeedsAReasonAndRecordsWhoAskedForIt() {
        var client = data.individual();
        LocalDate monday = DiaryTestData.futureMonday(clock, 2);
        SessionView session = book(client, monday.plusDays(1).atTime(12, 0));

        var dialog = open(monday, client);
        var grid = find(WeekGrid.class).single();
        var heads = find(Div.class).withClassName("diary-day-head").all();
        var slots = find(Div.class).withClassName("diary-slot").all();
        assertThat(find(Button.class, dialog).withText("Mark attended").exists()).as("not started yet").isFalse();
        test(find(Button.class, dialog).withText("Cancel session").single()).click();
        test(find(Button.class, dialog).withText("Confirm cancellation").single()).click();
        var reason = find(TextArea.class, dialog).single();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith("Please give a reason");
        assertThat(state(session)).isEqualTo("BOOKED");

        test(reason).setValue("Phoned in with flu");
        test(find(Checkbox.class, dialog).single()).click();
        test(find(Button.class, dialog).withText("Confirm cancellation").single()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(state(session)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select cancelled_by_client from appointment where id = ?", Boolean.class,
                session.id())).isTrue();
        assertThat(find(SessionBlock.class).withCondition(b -> textOf(b).contains(client.name())).exists()).isFalse();
        // only the sessions were drawn again (ADR 22): the same diary, day heads and slots as before
        assertThat(find(WeekGrid.class).single()).isSameAs(grid);
        assertThat(find(Div.class).withClassName("diary-day-head").all())
                .containsExactlyElementsOf(heads);
        assertThat(find(Div.class).withClassName("diary-slot").all())
                .containsExactlyElementsOf(slots);
    }

    @Test
    @WithUserDetails("amira")
    void reschedulingOntoAnotherSessionExplainsTheClashThenMoves() {
        var client = data.individual();
        var other = data.individual();
        LocalDate monday = DiaryTestData.futureMonday(clock, 2);
        SessionView session = book(client, monday.plusDays(2).atTime(13, 0));
        book(other, monday.plusDays(2).atTime(15, 0));

        var dialog = open(monday, client);
        var untouched = find(SessionBlock.class).withCondition(b -> textOf(b).contains(other.name())).single();
        test(find(Button.class, dialog).withText("Reschedule").single()).click();
        var picker = find(DateTimePicker.class, dialog).single();
        test(picker).setValue(monday.plusDays(2).atTime(14, 30));
        test(find(Button.class, dialog).withText("Move session").single()).click();

        assertThat(find(Span.class, dialog).withClassName("dialog-problem").single().getText())
                .contains("Dr Amira Khan already has a session").contains("15:00–15:50");

        test(picker).setValue(monday.plusDays(3).atTime(13, 0));
        test(find(Button.class, dialog).withText("Move session").single()).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(scheduling.sessionsForCase(IntakeId.of(client.id()))).singleElement().satisfies(moved ->
                assertThat(moved.start().toLocalDateTime()).isEqualTo(monday.plusDays(3).atTime(13, 0)));
        assertThat(session.id()).isPositive();
        // the session that did not change keeps its block; only the moved one is sent again (ADR 22)
        assertThat(find(SessionBlock.class).withCondition(b -> textOf(b).contains(other.name())).single())
                .isSameAs(untouched);
        assertThat(find(SessionBlock.class).withCondition(b -> textOf(b).contains(client.name())).single()
                .getStyle().get("grid-column")).isEqualTo("5");
    }

    @Test
    @WithUserDetails("amira")
    void aSessionThatHasStartedCanBeMarkedAttended() {
        var client = data.individual();
        LocalDate monday = DiaryTestData.futureMonday(clock, 2);
        SessionView session = book(client, monday.atTime(8, 0));
        LocalDateTime earlier = LocalDateTime.now(clock).minusHours(1).withSecond(0).withNano(0);
        jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?",
                java.sql.Timestamp.from(DiaryTestData.uk(earlier).toInstant()),
                java.sql.Timestamp.from(DiaryTestData.uk(earlier.plusMinutes(50)).toInstant()), session.id());

        UI.getCurrent().navigate(CalendarView.class, QueryParameters.simple(new LinkedHashMap<>(Map.of(
                "date", earlier.toLocalDate().toString(), "session", String.valueOf(session.id())))));
        var dialog = find(SessionDialog.class).single();
        test(find(Button.class, dialog).withText("Mark attended").single()).click();

        assertThat(state(session)).isEqualTo(AppointmentState.ATTENDED.name());
    }

    @Test
    @WithUserDetails("amira")
    void aSessionInARoomTakenOutOfUseIsToldToChooseAnotherRoomWhenMovedToAnotherTime() {
        var client = data.individual();
        var room = data.room();
        LocalDate monday = DiaryTestData.futureMonday(clock, 2);
        var result = scheduling.book(new BookingRequest(client.id(), null, data.idOf("amira"), setup.types().stream()
                .filter(t -> t.code().equals("INDIVIDUAL")).findFirst().orElseThrow().id(), SessionFormat.IN_PERSON,
                room.id(), DiaryTestData.uk(monday.plusDays(1).atTime(10, 0)), null));
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        data.as("admin", () -> setup.setRoomActive(app.thaw.base.ids.RoomId.of(room.id()), false));

        var dialog = open(monday, client);
        test(find(Button.class, dialog).withText("Reschedule").single()).click();
        test(find(DateTimePicker.class, dialog).single()).setValue(monday.plusDays(1).atTime(11, 0));
        test(find(Button.class, dialog).withText("Move session").single()).click();

        assertThat(find(Span.class, dialog).withClassName("dialog-problem").single().getText())
                .isEqualTo(room.name() + " was taken out of use, perhaps a moment ago: sessions can no longer be "
                        + "booked or moved there. Choose another room.");
        assertThat(scheduling.sessionsForCase(IntakeId.of(client.id()))).singleElement().satisfies(kept ->
                assertThat(kept.start().toLocalDateTime()).isEqualTo(monday.plusDays(1).atTime(10, 0)));
    }

    private SessionView book(DiaryTestData.Case client, LocalDateTime start) {
        var result = scheduling.book(new BookingRequest(client.id(), null, data.idOf("amira"), setup.types().stream()
                .filter(t -> t.code().equals("INDIVIDUAL")).findFirst().orElseThrow().id(), SessionFormat.ONLINE,
                null, DiaryTestData.uk(start), null));
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).session();
    }

    private SessionDialog open(LocalDate monday, DiaryTestData.Case client) {
        UI.getCurrent().navigate(CalendarView.class, QueryParameters.simple(new LinkedHashMap<>(Map.of(
                "date", monday.toString()))));
        test(find(SessionBlock.class).withCondition(b -> textOf(b).contains(client.name())).single()).click();
        return find(SessionDialog.class).single();
    }

    private String state(SessionView session) {
        return jdbc.queryForObject("select state from appointment where id = ?", String.class, session.id());
    }
}
