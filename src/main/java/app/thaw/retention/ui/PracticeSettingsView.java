package app.thaw.retention.ui;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.Application;
import app.thaw.base.ui.MainLayout;
import app.thaw.retention.ErasureService;
import app.thaw.retention.LegalHoldService;
import app.thaw.retention.RetentionRun;
import app.thaw.retention.RetentionService;
import app.thaw.retention.RetentionSettings;
import app.thaw.retention.SettingsCheck;
import app.thaw.security.Roles;

/**
 * The practice manager's settings: how long records are kept, what the retention job did, and (until the
 * client privacy view opens them) erasure and legal hold for a client named by reference.
 */
@Route(value = "staff/admin/settings", layout = MainLayout.class)
@PageTitle("Practice settings · Thaw")
@Menu(order = 97, title = "Practice settings", icon = "vaadin:cog")
@RolesAllowed(Roles.ADMIN)
public class PracticeSettingsView extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
            .withZone(Application.PRACTICE_ZONE);

    private final RetentionService retention;
    private final Grid<RetentionRun> runs = new Grid<>();
    private final Paragraph lastChange = new Paragraph();

    public PracticeSettingsView(RetentionService retention, ErasureService erasure, LegalHoldService holds) {
        this.retention = retention;
        addClassName("practice-settings");
        add(new H2("Practice settings"), retentionPanel(), runsPanel(), clientPanel(erasure, holds));
        refresh();
    }

    private Div retentionPanel() {
        RetentionSettings settings = retention.settings();
        var years = new IntegerField("Keep clinical records after a case is closed (years)");
        // no min/max on the field: the service checks the range and its message is shown beside the field
        years.setStepButtonsVisible(true);
        years.setValue(settings.policy().clinicalYears());
        years.setHelperText("A client is someone who had at least one session booked. Their record is kept this "
                + "long after their case's status became Closed; open cases are never removed.");
        var months = new IntegerField("Keep intakes that never became clients (months)");
        months.setStepButtonsVisible(true);
        months.setValue(settings.policy().nonClientMonths());
        months.setHelperText("Intakes with no session ever booked, counted from when they were closed, or sent if "
                + "never closed, whatever their status.");
        var save = new Button("Save retention settings", click -> {
            SettingsCheck check = retention.updatePolicy(years.getValue(), months.getValue());
            years.setInvalid(check.yearsProblem() != null);
            years.setErrorMessage(check.yearsProblem());
            months.setInvalid(check.monthsProblem() != null);
            months.setErrorMessage(check.monthsProblem());
            if (check.saved()) {
                Toasts.success("Retention settings saved.");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var intro = new Paragraph("Once a record is due, the daily retention job anonymises it the same way as an "
                + "erasure request: names, contact details and everything written are removed; scores, choices "
                + "and session counts stay. Clients under a legal hold are skipped.");
        var panel = new Div(new H3("Retention"), intro, years, months, save, lastChange);
        panel.addClassName("settings-panel");
        return panel;
    }

    private Div runsPanel() {
        runs.addClassName("retention-runs");
        runs.addColumn(run -> WHEN.format(run.ranAt())).setHeader("When");
        runs.addColumn(RetentionRun::anonymised).setHeader("Anonymised");
        runs.addColumn(RetentionRun::skippedForHold).setHeader("Skipped (legal hold)");
        runs.addColumn(run -> run.policy().clinicalYears() + " years / " + run.policy().nonClientMonths()
                + " months").setHeader("Policy");
        runs.setAllRowsVisible(true);
        var panel = new Div(new H3("Retention runs"), runs);
        panel.addClassName("settings-panel");
        return panel;
    }

    private Div clientPanel(ErasureService erasure, LegalHoldService holds) {
        var reference = new TextField("Client reference");
        reference.setPlaceholder("THW-XXXXXX");
        reference.setMaxLength(12);
        var erase = new Button("Erase client…", click -> {
            if (requireReference(reference)) {
                new ErasureDialog(erasure, reference.getValue().strip().toUpperCase(Locale.ROOT), this::refresh)
                        .open();
            }
        });
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var hold = new Button("Legal hold…", click -> {
            if (requireReference(reference)) {
                new LegalHoldDialog(holds, reference.getValue().strip().toUpperCase(Locale.ROOT), this::refresh)
                        .open();
            }
        });
        var panel = new Div(new H3("A client's record"),
                new Paragraph("Erase a client on their request, or keep their record under a legal hold."),
                reference, hold, erase);
        panel.addClassName("settings-panel");
        return panel;
    }

    private static boolean requireReference(TextField reference) {
        boolean given = !reference.getValue().isBlank();
        reference.setInvalid(!given);
        reference.setErrorMessage(given ? null : "Enter the client's reference, for example THW-7K3M9P.");
        return given;
    }

    private void refresh() {
        runs.setItems(retention.recentRuns(10));
        RetentionSettings settings = retention.settings();
        lastChange.setText(settings.updatedAt() == null ? "Practice defaults, not changed yet."
                : "Last changed " + WHEN.format(settings.updatedAt()) + " by " + settings.updatedBy() + ".");
    }
}
