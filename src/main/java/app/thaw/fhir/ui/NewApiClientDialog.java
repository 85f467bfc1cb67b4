package app.thaw.fhir.ui;

import java.util.LinkedHashSet;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.fhir.ApiClientRefused;
import app.thaw.fhir.ApiClients;
import app.thaw.fhir.ApiScopes;
import app.thaw.fhir.IssuedApiToken;
import app.thaw.fhir.domain.ApiClient;

/** A new system: its name, the kinds of record it may read (SMART scopes) and how long its token lasts. */
class NewApiClientDialog extends Dialog {

    final TextField name = new TextField("System");
    final CheckboxGroup<String> scopes = new CheckboxGroup<>("May read");
    final Select<Integer> days = new Select<>();

    NewApiClientDialog(ApiClients clients, Consumer<IssuedApiToken> created) {
        setHeaderTitle("Add a system");
        name.setHelperText("Who will use the token, e.g. Manchester NHS Talking Therapies");
        name.setMaxLength(ApiClient.NAME_MAX);
        name.setRequired(true);
        scopes.setItems(ApiScopes.grantable());
        scopes.setItemLabelGenerator(NewApiClientDialog::scopeLabel);
        days.setLabel("Token valid for");
        days.setItems(30, 90, 180, ApiClients.MAX_DAYS);
        days.setItemLabelGenerator(d -> d + " days");
        days.setValue(90);
        var form = new FormLayout(name, scopes, days);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new Paragraph("Give each system only what it needs. The token is shown once, after you create it."),
                form);
        var create = new Button("Create token", click -> {
            name.setInvalid(false);
            scopes.setInvalid(false);
            try {
                IssuedApiToken issued = clients.create(name.getValue(), new LinkedHashSet<>(scopes.getValue()),
                        days.getValue());
                close();
                created.accept(issued);
            } catch (ApiClientRefused refused) {
                click.getSource().setEnabled(true);
                boolean aboutScopes = scopes.getValue().isEmpty() && !name.getValue().isBlank();
                if (aboutScopes) {
                    scopes.setErrorMessage(refused.getMessage());
                    scopes.setInvalid(true);
                } else {
                    name.setErrorMessage(refused.getMessage());
                    name.setInvalid(true);
                    name.focus();
                }
            }
        });
        // a double-click's second click would create a second live client with its own token
        create.setDisableOnClick(true);
        create.setId("create-api-client");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), create);
    }

    /** "system/QuestionnaireResponse.read" as "Questionnaire responses (system/QuestionnaireResponse.read)". */
    static String scopeLabel(String scope) {
        return scopeWords(scope) + " (" + scope + ")";
    }

    /** What a scope lets a system read, in the practice's words. */
    static String scopeWords(String scope) {
        return switch (scope) {
            case ApiScopes.ALL -> "Everything below";
            case "system/Patient.read" -> "Client identity and contacts";
            case "system/QuestionnaireResponse.read" -> "Answers to questionnaires";
            case "system/Observation.read" -> "Scores";
            case "system/Flag.read" -> "Risk flags";
            case "system/Appointment.read" -> "Sessions";
            case "system/ServiceRequest.read" -> "Outside referrals";
            case "system/Questionnaire.read" -> "Questionnaires (the forms themselves)";
            case "system/Bundle.read" -> "Whole case for a transfer of care";
            default -> scope;
        };
    }
}
