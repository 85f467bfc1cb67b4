package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.Application;
import app.thaw.base.PracticeTime;
import app.thaw.scheduling.LeaveService;

/** Rooms & hours: a double-clicked "Add room", and closed days explained under the field at fault. */
class RoomsAndClosedDaysTest extends DiaryViewTest {

    @Autowired
    LeaveService leave;

    @Test
    @WithUserDetails("admin")
    void addRoomIsDisabledWhileItWorksAndReadyAgainAfter() {
        String name = "Room " + DiaryTestData.uniqueWord();
        navigate(DiarySettingsView.class);
        var field = find(TextField.class).withLabel("New room").single();
        var add = find(Button.class).withText("Add room").single();
        // the browser disables it at the first click, so the second of a double-click never reaches the field
        assertThat(add.isDisableOnClick()).isTrue();

        test(field).setValue(name);
        test(add).click();

        assertThat(setup.rooms()).filteredOn(room -> room.name().equals(name)).hasSize(1);
        assertThat(field.isInvalid()).isFalse();
        assertThat(add.isEnabled()).as("ready for the next room").isTrue();
        test(add).click();
        assertThat(field.isInvalid()).as("a click on the empty field still explains").isTrue();
        assertThat(add.isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void aClosedDayInThePastIsRefusedUnderTheDate() {
        navigate(DiarySettingsView.class);
        var day = find(DatePicker.class).from(find(ClosedDaysPanel.class).single()).withLabel("Date")
                .single();
        var reason = find(TextField.class).withLabel("Why the practice is closed").single();
        LocalDate past = LocalDate.of(2020, 1, 1);
        day.setValue(past);
        test(reason).setValue("QA past");
        test(find(Button.class).withText("Close the practice that day").single()).click();

        assertThat(day.isInvalid()).isTrue();
        assertThat(day.getErrorMessage()).isEqualTo("Choose today or a later date.");
        assertThat(reason.isInvalid()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from closed_day where day = ?", Integer.class, past))
                .isZero();
    }

    @Test
    @WithUserDetails("admin")
    void aDayAlreadyInTheListIsExplainedUnderTheDateAndABlankReasonUnderTheReasonAtTheSameTime() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Application.PRACTICE_ZONE);
        LocalDate closed = today.plusDays(400 + (System.nanoTime() % 3000));
        leave.closeDay(closed, "Practice move");
        navigate(DiarySettingsView.class);
        var day = find(DatePicker.class).from(find(ClosedDaysPanel.class).single()).withLabel("Date")
                .single();
        var reason = find(TextField.class).withLabel("Why the practice is closed").single();
        day.setValue(closed);
        test(reason).setValue("Again");
        test(find(Button.class).withText("Close the practice that day").single()).click();
        assertThat(day.isInvalid()).isTrue();
        assertThat(day.getErrorMessage()).isEqualTo(PracticeTime.DAY_DATE.format(closed) + " is already in the list.");
        assertThat(reason.isInvalid()).isFalse();

        day.setValue(null);
        test(reason).setValue(" ");
        test(find(Button.class).withText("Close the practice that day").single()).click();
        assertThat(day.getErrorMessage()).isEqualTo("Choose a date.");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(day.isInvalid()).isTrue();
    }
}
