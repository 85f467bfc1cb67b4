package app.thaw.security.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ui.FormProblem;
import app.thaw.security.ChangedDetails;
import app.thaw.security.StaffActionRefused;
import app.thaw.security.StaffDetails;
import app.thaw.security.StaffInputProblem;
import app.thaw.security.TeamMember;
import app.thaw.security.domain.StaffAccount;

/**
 * Corrects a staff member's name (a new surname) or email address (a mistyped one). They keep signing in with their
 * username; a form older than someone else's change to the account is refused, with the typing kept.
 */
class EditDetailsDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextField email = new TextField("Email");
    final FormProblem problem = new FormProblem();
    final Button save = new Button("Save details");

    EditDetailsDialog(StaffDetails details, TeamMember member, Consumer<ChangedDetails> saved,
                      Runnable changedMeanwhile) {
        setHeaderTitle("Edit " + member.displayName() + "'s details");
        setWidth("min(32rem, 95vw)");
        name.setValue(member.displayName());
        name.setHelperText("As colleagues and clients see it");
        name.setMaxLength(StaffAccount.DISPLAY_NAME_MAX);
        email.setValue(member.email());
        email.setHelperText("Their password links and notices go here. If it changes, the old address is told.");
        email.setMaxLength(StaffAccount.EMAIL_MAX);
        var form = new FormLayout(name, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(problem, new Paragraph("They still sign in with the username " + member.username() + "."), form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the second click of a double-click would find the account already changed, at a newer version
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                save(details, member, saved, changedMeanwhile);
            } finally {
                save.setEnabled(true);
            }
        });
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private void save(StaffDetails details, TeamMember member, Consumer<ChangedDetails> saved,
                      Runnable changedMeanwhile) {
        name.setInvalid(false);
        email.setInvalid(false);
        problem.clear();
        boolean noName = blank(name, "Enter their name as colleagues and clients will see it.");
        boolean noEmail = blank(email, "Enter their work email address, e.g. name@practice.org.");
        if (noName || noEmail) {
            return;
        }
        try {
            ChangedDetails changed = details.changeDetails(StaffId.of(member.id()), name.getValue(), email.getValue(),
                    member.version());
            close();
            saved.accept(changed);
        } catch (StaffInputProblem refused) {
            TextField field = refused.field() == StaffInputProblem.Field.EMAIL ? email : name;
            field.setErrorMessage(refused.getMessage());
            field.setInvalid(true);
            field.focus();
        } catch (ChangedMeanwhile stale) {
            problem.show(stale.getMessage());
            changedMeanwhile.run();
        } catch (StaffActionRefused gone) {
            problem.show(gone.getMessage());
            changedMeanwhile.run();
        }
    }

    /** Both blank fields flagged at once, not one per click. */
    private static boolean blank(TextField field, String message) {
        if (!field.getValue().isBlank()) {
            return false;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
        return true;
    }
}
