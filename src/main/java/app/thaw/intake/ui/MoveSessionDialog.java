package app.thaw.intake.ui;

import app.thaw.base.PracticeTime;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.intake.ClientAppointments;
import app.thaw.intake.questionnaire.DateAnswers;

import org.jspecify.annotations.Nullable;

/**
 * The client picks a new time for their own session from the therapist's free times, two weeks from a day they may
 * type. A typed date that isn't one says so under the box; a time that went while they chose says so and the list is
 * drawn again.
 */
class MoveSessionDialog extends Dialog {

    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_TIME;
    private static final DateTimeFormatter UNTIL = PracticeTime.TIME;

    /** The status page's calls for this session. */
    interface Diary {
        List<ClientAppointments.FreeTime> freeTimes(@Nullable LocalDate from);

        ClientAppointments.Change move(ZonedDateTime start);
    }

    private final Diary diary;
    private @Nullable LocalDate shownFrom;
    private final TextField from = new TextField("Show times from (optional)");
    private final RadioButtonGroup<ClientAppointments.FreeTime> times = new RadioButtonGroup<>("Choose a new time");
    private final Paragraph problem = new Paragraph();
    private final Paragraph none = new Paragraph("There are no free times in these two weeks. Try a later date, or "
            + "close this and ask the practice to rearrange the session.");

    MoveSessionDialog(ClientAppointments.Session session, Diary diary, java.util.function.Consumer<String> done) {
        this.diary = diary;
        setHeaderTitle("Move this session");
        addClassName("move-session");
        from.setHelperText("For example 14 March, 14/3/2027 or 2027-03-14. Times start from tomorrow.");
        from.setWidthFull();
        var show = new Button("Show times", click -> show());
        times.setItemLabelGenerator(time -> WHEN.format(time.start()) + "–" + UNTIL.format(time.end()) + " · "
                + time.where());
        times.addClassName("free-times");
        problem.addClassName("move-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        none.setVisible(false);
        add(new Paragraph("Now: " + WHEN.format(session.start()) + " with " + session.therapistName()
                + ". You can move it to any time below; it stays the same kind of session."), problem, from, show,
                times, none);
        var move = new Button("Move my session", click -> {
            var chosen = times.getValue();
            if (chosen == null) {
                times.setInvalid(true);
                times.setErrorMessage("Choose a new time, or close this to keep your session.");
                return;
            }
            var change = diary.move(chosen.start());
            if (change.done()) {
                close();
                done.accept(change.message());
            } else {
                say(change.message());
                load(currentFrom());
            }
        });
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Keep the session", click -> close()), move);
        load(null);
    }

    private void show() {
        String typed = from.getValue() == null ? "" : from.getValue().strip();
        if (typed.isEmpty()) {
            from.setInvalid(false);
            load(null);
            return;
        }
        boolean yearTyped = typed.matches(".*\\d{4}.*");
        LocalDate today = LocalDate.now(PracticeTime.ZONE);
        var reading = DateAnswers.read(yearTyped ? typed : typed + " " + today.getYear(), "The date");
        if (reading.date() == null) {
            from.setInvalid(true);
            from.setErrorMessage(reading.problem() == null ? "Enter a date, for example 14 March" : reading.problem());
            return;
        }
        from.setInvalid(false);
        // "3 Jan" typed in December means the coming January
        load(!yearTyped && reading.date().isBefore(today) ? reading.date().plusYears(1) : reading.date());
    }

    private @Nullable LocalDate currentFrom() {
        return shownFrom;
    }

    private void load(@Nullable LocalDate day) {
        shownFrom = day;
        var free = diary.freeTimes(day);
        times.setItems(free);
        times.setInvalid(false);
        none.setVisible(free.isEmpty());
        times.setVisible(!free.isEmpty());
    }

    private void say(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }
}
