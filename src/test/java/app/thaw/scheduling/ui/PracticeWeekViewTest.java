package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * Issue 15 point 4, the practice manager's week: therapists side by side, then rooms side by side, where sessions at
 * the same time are marked as overlapping and cancelled sessions appear only when asked for; a session past midnight
 * shows on both its days.
 */
class PracticeWeekViewTest extends DiaryViewTest {

    @org.springframework.beans.factory.annotation.Autowired
    SessionChanges changes;

    @org.springframework.beans.factory.annotation.Autowired
    StaffAdministration team;

    @Test
    @WithUserDetails("admin")
    void thePracticeWeekByTherapistAndByRoomWithOverlapsAndCancelledSessionsOnRequest() {
        LocalDate monday = DiaryTestData.futureMonday(clock, 3);
        int minute = 5 * ThreadLocalRandom.current().nextInt(12);
        var room = data.room();
        var inRoom = data.individual();
        var amiraOnline = data.individual();
        var tomOnline = data.individual();
        var cancelled = data.individual();
        book(inRoom, "amira", SessionFormat.IN_PERSON, room.id(), monday, 9, minute);
        book(amiraOnline, "amira", SessionFormat.ONLINE, null, monday, 14, minute);
        book(tomOnline, "tom", SessionFormat.ONLINE, null, monday, 14, minute + 10);
        long gone = book(cancelled, "tom", SessionFormat.ONLINE, null, monday.plusDays(1), 11, minute);
        data.as("admin", () -> {
            changes.cancel(AppointmentId.of(gone), false, "The therapist is unwell");
            return null;
        });

        UI.getCurrent().navigate(CalendarView.class, QueryParameters.simple(new LinkedHashMap<>(Map.of("date",
                monday.toString()))));
        mode("Team week");

        // a row per therapist: each session in its therapist's row, the two at 14:00 in different rows
        assertThat(rowOf(inRoom)).isEqualTo("Dr Amira Khan");
        assertThat(rowOf(amiraOnline)).isEqualTo("Dr Amira Khan");
        assertThat(rowOf(tomOnline)).isEqualTo("Tom Whitfield");
        assertThat(chip(inRoom).getClassNames()).doesNotContain("team-week-overlap");
        assertThat(textOf(chip(inRoom))).contains(room.name());
        assertThat(chips(cancelled)).isZero();

        test(find(Checkbox.class).withLabel("Show cancelled").single()).click();
        assertThat(textOf(chip(cancelled))).contains("Cancelled");
        assertThat(chip(cancelled).getClassNames()).contains("session-cancelled");
        assertThat(rowOf(cancelled)).isEqualTo("Tom Whitfield");

        // a row per room (online sessions together): the two online sessions at 14:00 overlap, and say so
        mode("Rooms week");
        assertThat(rowOf(inRoom)).isEqualTo(room.name());
        assertThat(textOf(chip(inRoom))).contains("Dr Amira Khan");
        assertThat(rowOf(amiraOnline)).isEqualTo("Online");
        assertThat(rowOf(tomOnline)).isEqualTo("Online");
        for (var overlapping : new DiaryTestData.Case[] {amiraOnline, tomOnline}) {
            assertThat(chip(overlapping).getClassNames()).contains("team-week-overlap");
            assertThat(textOf(chip(overlapping))).contains("Overlaps another session");
        }
        assertThat(textOf(chip(cancelled))).doesNotContain("Overlaps another session");
    }

    @Test
    @WithUserDetails("admin")
    void aSessionPastMidnightShowsOnItsFirstDayAndAgainOnTheNextSayingWhichDayItBegan() {
        var week = new WorkingWeekData(new ReviewTestData(intake, staff, jdbc), team, scheduling, jdbc);
        String therapistName = "Dr Night " + ReviewTestData.uniqueWord();
        long therapist = week.therapist(therapistName);
        data.as("admin", () -> setup.addWorkingHours(StaffId.of(therapist), DayOfWeek.WEDNESDAY, LocalTime.of(9, 0),
                LocalTime.of(17, 0)));
        LocalDate monday = WorkingWeekData.farMonday();
        String clientName = "Noa " + ReviewTestData.uniqueWord();
        var client = new ReviewTestData(intake, staff, jdbc).submit(IntakeFixtures.completeAnswers(clientName));
        week.book(week.online(client.id(), therapist, WorkingWeekData.at(monday.plusDays(2), 23, 30))
                .overriding("Crisis session agreed with the therapist"));

        UI.getCurrent().navigate(CalendarView.class, QueryParameters.simple(new LinkedHashMap<>(Map.of("date",
                monday.toString()))));
        mode("Team week");

        // Wednesday's column (the row's fourth cell, after the name) and Thursday's, both in the therapist's row
        List<Div> chips = chipsOf(clientName);
        assertThat(chips).extracting(PracticeWeekViewTest::column).containsExactly(3, 4);
        assertThat(chips).extracting(this::rowName).containsOnly(therapistName);
        assertThat(textOf(chips.get(0))).startsWith("23:30–00:20" + clientName);
        assertThat(chips.get(0).getClassNames()).doesNotContain("team-week-continued");
        assertThat(textOf(chips.get(1))).startsWith("23:30–00:20 (from Wed)" + clientName);
        assertThat(chips.get(1).getClassNames()).contains("team-week-continued");
        assertThat(chips.get(1).getElement().getAttribute("aria-label"))
                .startsWith(DiaryFormat.DAY.format(monday.plusDays(2)) + ", 23:30–00:20 (from Wed), " + clientName);
        assertThat(chips).allSatisfy(chip -> assertThat(chip.getClassNames()).doesNotContain("team-week-overlap"));

        // the rooms' week likewise, in the online row
        mode("Rooms week");
        assertThat(chipsOf(clientName)).extracting(PracticeWeekViewTest::column).containsExactly(3, 4);
        assertThat(chipsOf(clientName)).extracting(this::rowName).containsOnly("Online");
    }

    private List<Div> chipsOf(String clientName) {
        return find(Div.class).withClassName("team-week-session")
                .withCondition(chip -> textOf(chip).contains(clientName)).all();
    }

    /** Which of its row's cells holds the chip: 0 is the row's name, 1 Monday. */
    private static int column(Div chip) {
        var cell = chip.getParent().orElseThrow();
        var row = cell.getParent().orElseThrow();
        return row.getChildren().toList().indexOf(cell);
    }

    private String rowName(Div chip) {
        var row = chip.getParent().orElseThrow().getParent().orElseThrow();
        return find(Div.class, row).withClassName("team-week-name").single().getText();
    }

    private long book(DiaryTestData.Case client, String therapist, SessionFormat format, Long roomId, LocalDate day,
                      int hour, int minute) {
        var result = data.as("admin", () -> scheduling.book(new BookingRequest(client.id(), null,
                data.idOf(therapist), individualType(), format, roomId,
                DiaryTestData.uk(day.atTime(hour, 0).plusMinutes(minute)), null)));
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return jdbc.queryForObject("select id from appointment where intake_id = ? and state = 'BOOKED'", Long.class,
                client.id());
    }

    @SuppressWarnings("unchecked")
    private void mode(String label) {
        RadioButtonGroup<Object> view = find(RadioButtonGroup.class).withLabel("View").single();
        test(view).selectItem(label);
    }

    private Div chip(DiaryTestData.Case client) {
        return find(Div.class).withClassName("team-week-session")
                .withCondition(chip -> textOf(chip).contains(client.name())).single();
    }

    private long chips(DiaryTestData.Case client) {
        return find(Div.class).withClassName("team-week-session")
                .withCondition(chip -> textOf(chip).contains(client.name())).all().size();
    }

    /** The heading of the row that holds the client's session. */
    private String rowOf(DiaryTestData.Case client) {
        var row = chip(client).getParent().orElseThrow().getParent().orElseThrow();
        return find(Div.class, row).withClassName("team-week-name").single().getText();
    }

    private static String textOf(com.vaadin.flow.component.Component component) {
        return component.getElement().getTextRecursively();
    }

    private long individualType() {
        return setup.types().stream().filter(t -> t.code().equals("INDIVIDUAL")).findFirst().orElseThrow().id();
    }
}
