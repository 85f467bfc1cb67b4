package app.thaw.waitlist.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffSummary;
import app.thaw.waitlist.OfferRefused;
import app.thaw.waitlist.WaitingCase;
import app.thaw.waitlist.WaitlistChanges;

/**
 * What a waiting case waits for: a format, and a therapist the client asked for (or anyone). A freed time is offered
 * automatically only to cases it suits, and an offer starts from the preferred therapist's diary.
 */
class WaitsForDialog extends Dialog {

    /** "Either" is a choice of its own, not an empty group: the client said they don't mind. */
    private static final String EITHER = "Either";

    private final RadioButtonGroup<String> format = new RadioButtonGroup<>("Format");
    private final Select<StaffSummary> therapist = new Select<>();
    private final Paragraph problem = new Paragraph();

    WaitsForDialog(WaitlistChanges changes, WaitingCase waiting, Runnable done) {
        setHeaderTitle("What " + waiting.clients() + " (" + waiting.reference() + ") wait for");
        format.setItems(EITHER, SessionFormat.IN_PERSON.label(), SessionFormat.ONLINE.label());
        format.setValue(waiting.format() == null ? EITHER : waiting.format().label());
        List<StaffSummary> therapists = changes.therapistsToWaitFor();
        therapist.setLabel("Therapist");
        therapist.setItems(therapists);
        // the empty choice ("Anyone") is labelled too, as null
        therapist.setItemLabelGenerator(t -> t == null ? "Anyone" : t.displayName());
        therapist.setEmptySelectionAllowed(true);
        therapist.setEmptySelectionCaption("Anyone");
        therapists.stream().filter(t -> Long.valueOf(t.id()).equals(waiting.preferredTherapistId())).findFirst()
                .ifPresent(therapist::setValue);
        problem.addClassName("form-error");
        var save = new Button("Save", click -> {
            try {
                changes.setPreferences(IntakeId.of(waiting.intakeId()), chosenFormat().orElse(null),
                        therapist.getValue() == null ? null : StaffId.of(therapist.getValue().id()));
                close();
                done.run();
            } catch (OfferRefused refused) {
                problem.setText(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(format, therapist, problem);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private Optional<SessionFormat> chosenFormat() {
        return java.util.Arrays.stream(SessionFormat.values()).filter(f -> f.label().equals(format.getValue()))
                .findFirst();
    }
}
