package app.thaw.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.base.ids.StaffId;
import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.intake.ClientAppointments;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * The status page's own move and cancel, driven as the client would: a typed date that isn't one, no time chosen, a
 * time staff took while the client chose, then a move that works; and a late cancellation said before confirming.
 */
@IntegrationTest
@WithAnonymousUser
class ClientMoveSessionTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

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
    long therapist;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        week = new WorkingWeekData(data, team, scheduling, jdbc);
        long[] made = new long[1];
        data.asInOwnThread("admin", () -> made[0] = week.therapist("Dr Browserless " + ReviewTestData.uniqueWord()));
        therapist = made[0];
        for (DayOfWeek day : DayOfWeek.values()) {
            data.asInOwnThread("admin", () -> setup.addWorkingHours(StaffId.of(therapist), day, LocalTime.of(8, 0),
                    LocalTime.of(20, 0)));
        }
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<ClientAppointments.FreeTime> times() {
        return find(RadioButtonGroup.class).single();
    }

    @Test
    void theClientMovesTheirSessionAfterABadDateNoChoiceAndATimeThatWentWhileTheyChose() {
        var client = data.submit(IntakeFixtures.completeAnswers("Mover " + ReviewTestData.uniqueWord()));
        LocalDate day = LocalDate.now(Application.PRACTICE_ZONE).plusDays(8);
        ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(10, 0), Application.PRACTICE_ZONE);
        data.asInOwnThread("admin", () -> scheduling.book(new BookingRequest(client.id(), null, therapist,
                week.type("INDIVIDUAL"), SessionFormat.ONLINE, null, start, null, "Test: any day")));
        long session = jdbc.queryForObject("select id from appointment where intake_id = ?", Long.class, client.id());

        navigate("status/" + client.receipt().statusToken(), StatusView.class);
        test(find(Button.class).withText("Move to another time").single()).click();
        assertThat(times().getListDataView().getItems()).isNotEmpty();

        // a typed date that isn't one: said under the box, the list stays
        TextField from = find(TextField.class)
                .withCondition(field -> "Show times from (optional)".equals(field.getLabel())).single();
        test(from).setValue("31/02/2030");
        test(find(Button.class).withText("Show times").single()).click();
        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).isNotBlank();
        test(from).setValue("something else entirely");
        test(find(Button.class).withText("Show times").single()).click();
        assertThat(from.isInvalid()).isTrue();

        // a real date: the list starts there
        LocalDate later = day.plusDays(2);
        test(from).setValue(later.getDayOfMonth() + "/" + later.getMonthValue() + "/" + later.getYear());
        test(find(Button.class).withText("Show times").single()).click();
        assertThat(from.isInvalid()).isFalse();
        assertThat(times().getListDataView().getItems())
                .allSatisfy(t -> assertThat(t.start().toLocalDate()).isAfterOrEqualTo(later));

        // nothing chosen
        test(find(Button.class).withText("Move my session").single()).click();
        assertThat(times().isInvalid()).isTrue();

        // staff take the first time while the client is choosing it
        ClientAppointments.FreeTime first = times().getListDataView().getItems().findFirst().orElseThrow();
        test(times()).selectItem(times().getItemLabelGenerator().apply(first));
        var walkIn = data.submit(IntakeFixtures.completeAnswers("Walk " + ReviewTestData.uniqueWord()));
        data.asInOwnThread("admin", () -> scheduling.book(week.online(walkIn.id(), therapist, first.start())));
        test(find(Button.class).withText("Move my session").single()).click();
        assertThat(find(Paragraph.class).withText("Sorry, that time has just been taken or is no longer free. "
                + "Please choose another time below.").exists()).isTrue();
        assertThat(times().getListDataView().getItems()).noneMatch(t -> t.start().equals(first.start()));

        ClientAppointments.FreeTime next = times().getListDataView().getItems().findFirst().orElseThrow();
        test(times()).selectItem(times().getItemLabelGenerator().apply(next));
        test(find(Button.class).withText("Move my session").single()).click();

        assertThat(find(Paragraph.class).withTextContaining("Your session has moved from").exists()).isTrue();
        assertThat(jdbc.queryForObject("select starts_at from appointment where id = ?", Timestamp.class, session)
                .toInstant()).isEqualTo(next.start().toInstant());
    }

    @Test
    void aCancellationInsideTheNoticePeriodSaysItIsLateBeforeTheClientConfirms() {
        var client = data.submit(IntakeFixtures.completeAnswers("Latecomer " + ReviewTestData.uniqueWord()));
        ZonedDateTime soon = ZonedDateTime.now(Application.PRACTICE_ZONE).plusHours(26).truncatedTo(ChronoUnit.HOURS);
        data.asInOwnThread("admin", () -> scheduling.book(new BookingRequest(client.id(), null, therapist,
                week.type("INDIVIDUAL"), SessionFormat.ONLINE, null, soon, null, "Test: tomorrow")));

        navigate("status/" + client.receipt().statusToken(), StatusView.class);
        assertThat(find(Button.class).withText("Move to another time").exists()).isFalse();
        test(find(Button.class).withText("Cancel this session").single()).click();
        assertThat(find(Paragraph.class).withTextContaining("recorded as a late cancellation").exists()).isTrue();
        test(find(Button.class).withText("Cancel late").single()).click();

        assertThat(find(Paragraph.class).withTextContaining("cancelled as a late cancellation").exists()).isTrue();
        assertThat(jdbc.queryForObject("select cancel_kind from appointment where intake_id = ?", String.class,
                client.id())).isEqualTo("LATE");
    }
}
