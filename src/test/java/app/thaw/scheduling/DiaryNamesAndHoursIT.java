package app.thaw.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/**
 * Rooms and kinds of session can be told apart by name (case and repeated spaces don't make a new name), the rooms are
 * listed as people read names, and a therapist's usual week has no overlapping blocks on one day.
 */
@IntegrationTest
class DiaryNamesAndHoursIT {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    DiarySetupService setup;

    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data;
    WorkingWeekData week;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
    }

    @Test
    void aRoomNameDifferingOnlyInCaseOrSpacingIsRefusedNamingTheRoomItClashesWith() {
        String name = "QA Test Room " + ReviewTestData.uniqueWord();
        var added = data.as("admin", () -> setup.addRoom("  " + name.replace(" ", " \t ") + " "));
        assertThat(added.name()).isEqualTo(name);

        for (String typed : List.of(name.toLowerCase(Locale.ROOT), name.replace(" ", "  "),
                name.toUpperCase(Locale.ROOT).replace(" ", "\u00a0"))) {
            assertThatThrownBy(() -> data.as("admin", () -> setup.addRoom(typed))).as(typed)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("There is already a room called " + name + ".");
        }
        assertThat(jdbc.queryForObject("select count(*) from room where lower(name) = lower(?)", Integer.class,
                name)).isOne();
        // the database holds the rule for any writer, whatever the case
        assertThat(catchThrowable(() -> jdbc.update("insert into room (name) values (?)",
                name.toUpperCase(Locale.ROOT)))).hasMessageContaining("room_name_uk");
    }

    @Test
    void roomsAreListedByNameWhateverTheCase() {
        String word = ReviewTestData.uniqueWord();
        data.as("admin", () -> setup.addRoom("Room " + word));
        data.as("admin", () -> setup.addRoom("room " + word + " annexe"));

        List<String> names = data.as("admin", () -> setup.rooms()).stream().map(DiarySetupService.RoomView::name)
                .toList();
        assertThat(names.indexOf("room " + word + " annexe")).isEqualTo(names.indexOf("Room " + word) + 1);
    }

    @Test
    void aKindOfSessionIsNotAddedOrRenamedToAnotherKindsNameInAnotherCase() {
        assertThatThrownBy(() -> data.as("admin", () -> setup.addType("individual   SESSION", 50, false, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is already a kind of session called Individual session.");

        String label = "Walk and talk " + ReviewTestData.uniqueWord();
        var added = data.as("admin", () -> setup.addType(label.replace(" ", "  "), 50, false, true));
        assertThat(added.label()).isEqualTo(label);
        assertThatThrownBy(() -> data.as("admin", () -> setup.changeType(SessionTypeId.of(added.id()),
                "ASSESSMENT", 50, true, true, added.version())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is already a kind of session called Assessment.");

        // its own name in another case is still its own
        data.as("admin", () -> setup.changeType(SessionTypeId.of(added.id()), label.toLowerCase(Locale.ROOT), 50,
                true, true, added.version()));
        assertThat(data.as("admin", () -> setup.allTypes())).filteredOn(t -> t.id() == added.id()).singleElement()
                .satisfies(t -> assertThat(t.label()).isEqualTo(label.toLowerCase(Locale.ROOT)));
    }

    @Test
    void aBlockOverlappingAnotherOnTheSameDayIsRefusedNamingIt() {
        long therapist = week.therapist("Dr Blocks " + ReviewTestData.uniqueWord());
        StaffId id = StaffId.of(therapist);
        data.as("admin", () -> setup.addWorkingHours(id, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 30)));

        for (LocalTime[] times : new LocalTime[][] {{LocalTime.of(9, 0), LocalTime.of(17, 30)},
                {LocalTime.of(9, 0), LocalTime.of(17, 0)}, {LocalTime.of(17, 0), LocalTime.of(19, 0)},
                {LocalTime.of(8, 0), LocalTime.of(9, 30)}, {LocalTime.of(7, 0), LocalTime.of(20, 0)}}) {
            assertThatThrownBy(() -> data.as("admin", () -> setup.addWorkingHours(id, DayOfWeek.MONDAY, times[0],
                    times[1]))).as(times[0] + "–" + times[1]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Monday already has hours from 09:00 to 17:30.");
        }
        // a block that meets it, and the same hours on another day, are fine
        data.as("admin", () -> setup.addWorkingHours(id, DayOfWeek.MONDAY, LocalTime.of(17, 30), LocalTime.of(19, 0)));
        data.as("admin", () -> setup.addWorkingHours(id, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 30)));

        assertThat(data.as("admin", () -> setup.workingHours(id))).extracting(h -> h.day() + " " + h.starts() + "–"
                + h.ends()).containsExactly("MONDAY 09:00–17:30", "MONDAY 17:30–19:00", "TUESDAY 09:00–17:30");
        assertThat(catchThrowable(() -> jdbc.update("insert into working_hours (therapist_id, day_of_week, starts, "
                + "ends) values (?, 1, '12:00', '13:00')", therapist)))
                .hasMessageContaining("working_hours_overlap_ex");
    }
}
