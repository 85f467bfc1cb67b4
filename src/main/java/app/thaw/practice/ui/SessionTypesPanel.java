package app.thaw.practice.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.base.ui.FormProblem;
import app.thaw.practice.PracticeDetailsService;
import app.thaw.scheduling.DiarySetupService.TypeView;
import app.thaw.scheduling.SessionTypeRefused;

/**
 * The kinds of session the practice offers: name, default length, whether they count as treatment (an assessment
 * does not) and whether they are still offered. Sessions already booked keep their length and name.
 */
class SessionTypesPanel extends Div {

    private final PracticeDetailsService service;
    private final Div rows = new Div();

    SessionTypesPanel(PracticeDetailsService service) {
        this.service = service;
        addClassNames("settings-panel", "session-types");
        add(new H3("Kinds of session"), new Paragraph("New bookings use these; sessions already booked keep theirs. "
                + "A couples session books both partners."), rows, addForm());
        render();
    }

    private void render() {
        rows.removeAll();
        for (TypeView type : service.sessionTypes()) {
            rows.add(row(type));
        }
    }

    private Div row(TypeView type) {
        var label = new TextField(type.couples() ? "Name (couples)" : "Name");
        label.setValue(type.label());
        label.setMaxLength(80);
        var minutes = minutes(type.defaultMinutes());
        var treatment = new Checkbox("Counts as treatment", type.treatment());
        var active = new Checkbox("Offered", type.active());
        var problem = new FormProblem();
        // the version the row was shown at, moved on by each save from this row
        long[] version = {type.version()};
        var save = new Button("Save", click -> {
            label.setInvalid(false);
            minutes.setInvalid(false);
            problem.clear();
            try {
                version[0] = service.changeSessionType(SessionTypeId.of(type.id()), label.getValue(),
                        minutes.getValue() == null ? 0 : minutes.getValue(), treatment.getValue(), active.getValue(),
                        version[0]).version();
                saved(label.getValue() + " saved.");
            } catch (ChangedMeanwhile stale) {
                problem.show(stale.getMessage());
            } catch (SessionTypeRefused refused) {
                showUnder(refused, label, minutes);
            }
        });
        save.setAriaLabel("Save " + type.label());
        var fields = new FlexLayout(label, minutes, treatment, active, save);
        fields.addClassName("settings-form");
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.setAlignItems(FlexLayout.Alignment.BASELINE);
        return new Div(problem, fields);
    }

    private static void showUnder(SessionTypeRefused refused, TextField label, IntegerField minutes) {
        HasValidation field = refused.field() == SessionTypeRefused.Field.MINUTES ? minutes : label;
        field.setErrorMessage(refused.getMessage());
        field.setInvalid(true);
    }

    private FlexLayout addForm() {
        var label = new TextField("New kind of session");
        label.setMaxLength(80);
        label.setPlaceholder("e.g. Review session");
        var minutes = minutes(50);
        var couples = new Checkbox("Couples (both partners)");
        var treatment = new Checkbox("Counts as treatment", true);
        var add = new Button("Add", click -> {
            label.setInvalid(false);
            minutes.setInvalid(false);
            try {
                service.addSessionType(label.getValue(), minutes.getValue() == null ? 0 : minutes.getValue(),
                        couples.getValue(), treatment.getValue());
                saved("Added " + label.getValue().strip() + ".");
                label.clear();
                render();
            } catch (SessionTypeRefused refused) {
                showUnder(refused, label, minutes);
            }
        });
        var form = new FlexLayout(label, minutes, couples, treatment, add);
        form.addClassName("settings-form");
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexLayout.Alignment.BASELINE);
        return form;
    }

    private static IntegerField minutes(int value) {
        var minutes = new IntegerField("Minutes");
        minutes.setValue(value);
        minutes.setStep(5);
        minutes.setStepButtonsVisible(true);
        minutes.setWidth("9rem");
        // the service's range message goes under this field; its own check would show a blank red field
        minutes.setManualValidation(true);
        return minutes;
    }

    private static void saved(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
