package app.thaw.practice.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.PracticeSettings;
import app.thaw.base.ui.FormProblem;
import app.thaw.base.ui.MainLayout;
import app.thaw.practice.PracticeDetailsForm;
import app.thaw.practice.PracticeDetailsForm.Field;
import app.thaw.practice.PracticeDetailsRefused;
import app.thaw.practice.PracticeDetailsService;
import app.thaw.security.Roles;

/**
 * The practice manager keeps the practice's details (on every email, letter and client page), the notice clients
 * must give to cancel online, reminder times, the email sender and signature, and the kinds of session. An empty
 * field uses the server's configured default, shown as its placeholder.
 */
@Route(value = "staff/admin/practice", layout = MainLayout.class)
@PageTitle("Practice details · Thaw")
@Menu(order = 93, title = "Practice details", icon = "vaadin:home")
@RolesAllowed(Roles.ADMIN)
public class PracticeDetailsView extends Div {

    private final PracticeDetailsService service;
    private final TextField name = new TextField("Practice name");
    private final TextArea address = new TextArea("Address (one line each)");
    private final TextField phone = new TextField("Phone");
    private final TextField email = new TextField("Email");
    private final TextField sender = new TextField("Email sender");
    private final TextArea signature = new TextArea("Email signature");
    private final IntegerField notice = new IntegerField("Clients may cancel online up to (hours before)");
    private final List<IntegerField> reminders = new ArrayList<>();
    private final Paragraph lastChange = new Paragraph();
    private final FormProblem problem = new FormProblem();
    private long loadedVersion;

    public PracticeDetailsView(PracticeDetailsService service) {
        this.service = service;
        addClassName("practice-details");
        name.setMaxLength(PracticeSettings.NAME_MAX);
        address.setMaxLength(PracticeSettings.ADDRESS_MAX);
        phone.setMaxLength(PracticeSettings.PHONE_MAX);
        email.setMaxLength(PracticeSettings.EMAIL_MAX);
        sender.setMaxLength(PracticeSettings.EMAIL_MAX);
        signature.setMaxLength(PracticeSettings.SIGNATURE_MAX);
        signature.setHelperText("Replaces the practice's name, address and contacts under every email. Never put "
                + "anything about a client here.");
        notice.setMin(0);
        notice.setMax(PracticeSettings.NOTICE_HOURS_MAX);
        notice.setStepButtonsVisible(true);
        notice.setHelperText("Closer than this, a client's cancellation becomes a request (late cancellations).");
        for (int i = 1; i <= PracticeSettings.REMINDERS_MAX; i++) {
            var reminder = new IntegerField("Reminder " + i + " (hours before)");
            reminder.setMin(1);
            reminder.setMax(PracticeSettings.REMINDER_HOURS_MAX);
            // the service's message goes under the reminder at fault; the field's own check would leave it blank
            reminder.setManualValidation(true);
            reminders.add(reminder);
        }
        reminders.getFirst().setHelperText("Leave all empty for the default; clear one to stop it.");
        var form = new FormLayout(name, phone, email, sender, address, signature, notice);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 2));
        var reminderRow = new FlexLayout();
        reminderRow.addClassName("settings-form");
        reminderRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        reminders.forEach(reminderRow::add);
        var save = new Button("Save practice details", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var details = new Div(new H3("Details, notice and reminders"), problem, form, reminderRow, save, lastChange);
        details.addClassName("settings-panel");
        add(new H2("Practice details"), details, new SessionTypesPanel(service));
        fill();
    }

    private void fill() {
        var details = service.details();
        var stored = details.stored();
        loadedVersion = details.version();
        var defaults = details.defaults();
        name.setValue(Objects.requireNonNullElse(stored.name(), ""));
        name.setPlaceholder(defaults.name());
        address.setValue(Objects.requireNonNullElse(stored.addressLines(), ""));
        address.setPlaceholder(String.join("\n", defaults.addressLines()));
        phone.setValue(Objects.requireNonNullElse(stored.phone(), ""));
        phone.setPlaceholder(defaults.phone());
        email.setValue(Objects.requireNonNullElse(stored.email(), ""));
        email.setPlaceholder(defaults.email());
        sender.setValue(Objects.requireNonNullElse(stored.mailFrom(), ""));
        sender.setPlaceholder(defaults.mailFrom() == null ? "The practice's name and email" : defaults.mailFrom());
        signature.setValue(Objects.requireNonNullElse(stored.emailSignature(), ""));
        signature.setPlaceholder("The practice's name, address and contacts");
        notice.setValue(stored.clientNoticeHours());
        notice.setPlaceholder(String.valueOf(defaults.clientNotice().toHours()));
        List<Integer> hours = stored.reminderHours() == null ? List.of()
                : java.util.Arrays.stream(stored.reminderHours().split(",")).map(Integer::valueOf).toList();
        for (int i = 0; i < reminders.size(); i++) {
            reminders.get(i).setValue(i < hours.size() ? hours.get(i) : null);
            reminders.get(i).setPlaceholder(i == 0 ? String.valueOf(defaults.reminderLeads().getFirst().toHours())
                    : "");
        }
        lastChange.setText("In use now: " + details.current().name() + " · cancel online up to "
                + details.current().clientNotice().toHours() + " hours before · reminders "
                + String.join(" and ", details.current().reminderLeads().stream().map(d -> d.toHours() + " h")
                        .toList()) + " before.");
    }

    private void save() {
        fields().values().forEach(field -> field.setInvalid(false));
        reminders.forEach(reminder -> reminder.setInvalid(false));
        problem.clear();
        var form = new PracticeDetailsForm(name.getValue(), address.getValue(), phone.getValue(), email.getValue(),
                sender.getValue(), signature.getValue(), notice.getValue(),
                reminders.stream().map(IntegerField::getValue).filter(Objects::nonNull).toList(), loadedVersion);
        try {
            service.save(form);
            Notification.show("Practice details saved.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            fill();
        } catch (ChangedMeanwhile stale) {
            problem.show(stale.getMessage());
        } catch (PracticeDetailsRefused refused) {
            refused.problems().forEach((field, message) -> {
                HasValidation input = field == Field.REMINDERS ? wrongReminder()
                        : Objects.requireNonNull(fields().get(field), "every field has an input");
                input.setErrorMessage(message);
                input.setInvalid(true);
            });
        }
    }

    /** The reminder the manager must change: the first out of range, else the last filled (one too many). */
    private IntegerField wrongReminder() {
        return reminders.stream().filter(r -> r.getValue() != null && (r.getValue() < 1
                        || r.getValue() > PracticeSettings.REMINDER_HOURS_MAX)).findFirst()
                .orElseGet(() -> reminders.stream().filter(r -> r.getValue() != null).reduce((a, b) -> b)
                        .orElse(reminders.getFirst()));
    }

    private Map<Field, HasValidation> fields() {
        return Map.of(Field.NAME, name, Field.ADDRESS, address, Field.PHONE, phone, Field.EMAIL, email,
                Field.MAIL_FROM, sender, Field.SIGNATURE, signature, Field.NOTICE, notice);
    }
}
