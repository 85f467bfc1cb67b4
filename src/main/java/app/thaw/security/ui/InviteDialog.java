package app.thaw.security.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.security.IssuedLink;
import app.thaw.security.NewStaffMember;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffInputProblem;
import app.thaw.security.StaffRole;
import app.thaw.security.domain.StaffAccount;

/** The practice manager invites a therapist or practice manager; they choose their own password. */
class InviteDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextField username = new TextField("Username");
    final TextField email = new TextField("Email");
    final Select<StaffRole> role = new Select<>();

    InviteDialog(StaffAdministration staff, Consumer<IssuedLink> invited) {
        setHeaderTitle("Invite a staff member");
        name.setHelperText("As colleagues and clients will see it, e.g. Dr Amira Khan");
        name.setMaxLength(StaffAccount.DISPLAY_NAME_MAX);
        username.setHelperText("What they type to sign in, e.g. amira");
        username.setMaxLength(StaffAccount.USERNAME_MAX);
        email.setHelperText("Their invitation goes here");
        email.setMaxLength(StaffAccount.EMAIL_MAX);
        role.setLabel("Role");
        role.setItems(StaffRole.values());
        role.setItemLabelGenerator(StaffRole::label);
        role.setValue(StaffRole.THERAPIST);
        var form = new FormLayout(name, username, email, role);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph("They get an email with a private link to choose their password; the link works once, "
                + "for 72 hours. You'll also see it once to copy."), form);

        var send = new Button("Send invitation", click -> {
            for (TextField field : new TextField[] {name, username, email}) {
                field.setInvalid(false);
            }
            if (anyBlank()) {
                return;
            }
            try {
                IssuedLink link = staff.invite(new NewStaffMember(name.getValue(), username.getValue(),
                        email.getValue(), role.getValue()));
                close();
                invited.accept(link);
            } catch (StaffInputProblem problem) {
                TextField field = switch (problem.field()) {
                    case DISPLAY_NAME -> name;
                    case EMAIL -> email;
                    default -> username;
                };
                field.setErrorMessage(problem.getMessage());
                field.setInvalid(true);
                field.focus();
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), send);
    }

    /** Every empty field flagged at once (the service names one problem at a time); the first gets the focus. */
    private boolean anyBlank() {
        TextField first = null;
        for (var blank : List.of(Map.entry(name, "Enter their name as colleagues and clients will see it."),
                Map.entry(username, "Enter the username they will sign in with, e.g. \"tom\"."),
                Map.entry(email, "Enter their work email address, e.g. name@practice.org."))) {
            TextField field = blank.getKey();
            if (field.getValue().isBlank()) {
                field.setErrorMessage(blank.getValue());
                field.setInvalid(true);
                first = first == null ? field : first;
            }
        }
        if (first != null) {
            first.focus();
        }
        return first != null;
    }
}
