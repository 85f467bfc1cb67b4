package app.thaw.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;

import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.base.ui.FormProblem;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.DiarySetupService.TypeView;
import app.thaw.base.ui.Toasts;

/** How long each kind of session lasts by default; sessions already booked keep their length. */
class SessionLengthsPanel extends Div {

    SessionLengthsPanel(DiarySetupService setup) {
        addClassName("settings-panel");
        add(new H3("Session lengths"),
                new Paragraph("New bookings use these lengths; sessions already booked keep theirs."));
        for (TypeView type : setup.types()) {
            var minutes = new IntegerField(type.label() + " (minutes)");
            minutes.setValue(type.defaultMinutes());
            minutes.setStep(5);
            minutes.setStepButtonsVisible(true);
            minutes.setManualValidation(true);
            var problem = new FormProblem();
            // the version the row was shown at, moved on by each save from this row
            long[] version = {type.version()};
            var save = new Button("Save", click -> {
                minutes.setInvalid(false);
                problem.clear();
                try {
                    if (minutes.getValue() == null) {
                        throw new IllegalArgumentException("Enter the length in minutes.");
                    }
                    version[0] = setup.setDefaultLength(SessionTypeId.of(type.id()), minutes.getValue(), version[0])
                            .version();
                    Toasts.success(type.label() + " now lasts " + minutes.getValue() + " minutes.");
                } catch (ChangedMeanwhile stale) {
                    problem.show(stale.getMessage());
                } catch (IllegalArgumentException refused) {
                    minutes.setErrorMessage(refused.getMessage());
                    minutes.setInvalid(true);
                }
            });
            save.setAriaLabel("Save the length of " + type.label());
            var row = new FlexLayout(minutes, save);
            row.addClassName("settings-form");
            row.setAlignItems(FlexLayout.Alignment.BASELINE);
            add(problem, row);
        }
    }
}
