package app.thaw.retention.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.FormProblem;
import app.thaw.base.ui.MainLayout;
import app.thaw.retention.RetentionRun;
import app.thaw.retention.RetentionService;
import app.thaw.retention.RetentionSettings;
import app.thaw.retention.SettingsCheck;
import app.thaw.security.Roles;
import app.thaw.base.ui.Toasts;

/**
 * The practice manager's settings: how long records are kept and what the retention job did; erasure and legal holds
 * are on the Client privacy page, where the manager finds the client.
 */
@Route(value = "staff/admin/settings", layout = MainLayout.class)
@PageTitle("Practice settings · Thaw")
@Menu(order = 97, title = "Practice settings", icon = "vaadin:cog")
@RolesAllowed(Roles.ADMIN)
public class PracticeSettingsView extends Div {

    private static final DateTimeFormatter WHEN = PracticeTime.DAY_DATE_COMMA_TIME;

    private final RetentionService retention;
    private final Grid<RetentionRun> runs = new Grid<>();
    private final Paragraph lastChange = new Paragraph();
    private final Paragraph noRuns = new Paragraph("No run yet: the job runs once a day, at night.");
    private final FormProblem problem = new FormProblem();
    private long loadedVersion;

    public PracticeSettingsView(RetentionService retention) {
        this.retention = retention;
        addClassName("practice-settings");
        add(new H2("Practice settings"), retentionPanel(), runsPanel(), clientPanel());
        refresh();
    }

    private Div retentionPanel() {
        RetentionSettings settings = retention.settings();
        loadedVersion = settings.version();
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
            problem.clear();
            SettingsCheck check;
            try {
                check = retention.updatePolicy(years.getValue(), months.getValue(), loadedVersion);
            } catch (ChangedMeanwhile stale) {
                problem.show(stale.getMessage());
                return;
            }
            years.setInvalid(check.yearsProblem() != null);
            years.setErrorMessage(check.yearsProblem());
            months.setInvalid(check.monthsProblem() != null);
            months.setErrorMessage(check.monthsProblem());
            if (check.saved()) {
                Toasts.success("Retention settings saved.");
                loadedVersion = retention.settings().version();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var intro = new Paragraph("Once a record is due, the daily retention job anonymises it the same way as an "
                + "erasure request: names, contact details and everything written are removed; scores, choices "
                + "and session counts stay. Clients under a legal hold are skipped.");
        // one question under the other and the button under both: inline, the button sat beside the second only
        var form = new Div(problem, years, months, save);
        form.addClassName("settings-stack");
        var panel = new Div(new H3("Retention"), intro, form, lastChange);
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
        noRuns.setId("retention-no-runs");
        var panel = new Div(new H3("Retention runs"), noRuns, runs);
        panel.addClassName("settings-panel");
        return panel;
    }

    /** Erasure and legal holds are done where the manager finds the client: the Client privacy page. */
    private static Div clientPanel() {
        var where = new Anchor("staff/admin/privacy", "Client privacy");
        where.setId("settings-client-privacy-link");
        var panel = new Div(new H3("A client's record"),
                new Paragraph(new Text("To erase a client on their request, or keep their record under a legal hold, "
                        + "find them in "), where, new Text(".")));
        panel.addClassName("settings-panel");
        return panel;
    }

    private void refresh() {
        var recent = retention.recentRuns(10);
        runs.setItems(recent);
        // an empty grid showed only its headings, as if the runs had failed to load
        runs.setVisible(!recent.isEmpty());
        noRuns.setVisible(recent.isEmpty());
        RetentionSettings settings = retention.settings();
        lastChange.setText(settings.updatedAt() == null ? "Practice defaults, not changed yet."
                : "Last changed " + WHEN.format(settings.updatedAt()) + " by " + settings.updatedBy() + ".");
    }
}
