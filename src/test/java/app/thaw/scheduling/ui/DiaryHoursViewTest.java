package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SessionView;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * A session the practice manager booked outside working hours, with a reason on record, shows whole in the therapist's
 * diary: the grid's hours widen to hold it (a 21:30 session was a 7 px bar under 20:30, a therapist's evening looked
 * free), and one running past midnight shows on both its days.
 */
class DiaryHoursViewTest extends DiaryViewTest {

    private static final String OVERRIDE = "Crisis session agreed with the therapist";

    @Autowired
    StaffAdministration team;

    @Test
    @WithUserDetails("admin")
    void sessionsBookedOutsideTheHoursAreDrawnWholeWithTheirHoursDownTheSide() {
        var week = new WorkingWeekData(new ReviewTestData(intake, staff, jdbc), team, scheduling, jdbc);
        long therapist = therapistWithHours(week);
        LocalDate monday = WorkingWeekData.farMonday();
        var client = new ReviewTestData(intake, staff, jdbc).submit(IntakeFixtures.completeAnswers(
                "Noa " + ReviewTestData.uniqueWord()));
        SessionView late = week.book(week.online(client.id(), therapist, WorkingWeekData.at(monday, 21, 30))
                .overriding(OVERRIDE));
        SessionView early = week.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday.plusDays(1), 7, 0)).overriding(OVERRIDE));
        assertThat(DiaryFormat.TIME.format(late.end())).isEqualTo("22:20");

        openDiary(monday, therapist);

        // 07:00 to 23:00 on 5-minute rows: 21:30 is 174 rows below the heading's, 07:00 the first
        assertThat(labels()).startsWith("07:00").contains("22:00").endsWith("22:30");
        assertThat(block(late).getStyle().get("grid-row")).isEqualTo((2 + 174) + " / " + (2 + 184));
        assertThat(block(early).getStyle().get("grid-row")).isEqualTo(2 + " / " + (2 + 10));
        assertThat(find(Div.class).withClassName("diary-working").withAttribute("data-working", "09:00–17:00")
                .all()).extracting(band -> band.getStyle().get("grid-row")).containsOnly((2 + 24) + " / " + (2 + 120));
        // an evening slot books at its own time
        test(find(Div.class).withAttribute("data-slot", monday.atTime(22, 0).toString()).single()).click();
        assertThat(find(DateTimePicker.class, find(BookSessionDialog.class).single()).single().getValue())
                .isEqualTo(monday.atTime(22, 0));
    }

    @Test
    @WithUserDetails("admin")
    void aSessionPastMidnightShowsOnBothItsDaysInTheWeekAndTheDay() {
        var week = new WorkingWeekData(new ReviewTestData(intake, staff, jdbc), team, scheduling, jdbc);
        long therapist = therapistWithHours(week);
        LocalDate monday = WorkingWeekData.farMonday();
        var client = new ReviewTestData(intake, staff, jdbc).submit(IntakeFixtures.completeAnswers(
                "Noa " + ReviewTestData.uniqueWord()));
        SessionView night = week.book(week.online(client.id(), therapist,
                WorkingWeekData.at(monday.plusDays(2), 23, 30)).overriding(OVERRIDE));

        openDiary(monday, therapist);
        assertThat(labels()).startsWith("00:00").endsWith("23:30");
        assertThat(blocks(night)).extracting(b -> b.getStyle().get("grid-column") + " " + b.getStyle().get("grid-row"))
                .containsExactly("4 " + (2 + 282) + " / " + (2 + 288), "5 2 / " + (2 + 4));

        // the day after alone: the session's last 20 minutes from midnight
        openDiary(monday.plusDays(3), therapist);
        test(find(RadioButtonGroup.class).withLabel("View").single()).selectItem("Day");
        assertThat(labels()).startsWith("00:00").endsWith("20:30");
        assertThat(blocks(night)).extracting(b -> b.getStyle().get("grid-row")).containsExactly("2 / " + (2 + 4));
    }

    /** A therapist of the test's own, working 09:00–17:00 on weekdays, so no other test's sessions are in the week. */
    private long therapistWithHours(WorkingWeekData week) {
        long therapist = week.therapist("Dr Late " + ReviewTestData.uniqueWord());
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            data.as("admin", () -> setup.addWorkingHours(StaffId.of(therapist), day, LocalTime.of(9, 0),
                    LocalTime.of(17, 0)));
        }
        return therapist;
    }

    private void openDiary(LocalDate date, long therapist) {
        var query = new LinkedHashMap<String, String>();
        query.put("date", date.toString());
        query.put("therapist", String.valueOf(therapist));
        UI.getCurrent().navigate(CalendarView.class, QueryParameters.simple(query));
        assertThat(getCurrentView()).isInstanceOf(CalendarView.class);
    }

    private List<String> labels() {
        return find(Div.class).withClassName("diary-time").all().stream().map(Div::getText).toList();
    }

    private SessionBlock block(SessionView session) {
        List<SessionBlock> blocks = blocks(session);
        assertThat(blocks).as("the blocks of the session at " + session.start()).hasSize(1);
        return blocks.getFirst();
    }

    private List<SessionBlock> blocks(SessionView session) {
        return find(SessionBlock.class).withCondition(b -> b.session().id() == session.id()).all();
    }
}
