package app.thaw.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;

/** A therapist's own working hours, extra hours and time away, from the diary. */
class WorkingHoursDialog extends Dialog {

    WorkingHoursDialog(DiaryContext diary, long therapistId, Runnable onChange) {
        addClassName("working-hours-dialog");
        setHeaderTitle("My working hours and time away");
        setWidth("min(52rem, 100vw)");
        add(new WeeklyHoursPanel(diary.setup(), therapistId, onChange),
                new TimeAwayPanel(diary, therapistId, onChange),
                new ExtraHoursPanel(diary, therapistId, onChange));
        getFooter().add(new Button("Close", click -> close()));
    }
}
