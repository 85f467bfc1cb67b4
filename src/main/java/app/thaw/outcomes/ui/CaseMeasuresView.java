package app.thaw.outcomes.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.outcomes.CaseMeasures;
import app.thaw.outcomes.Measure;
import app.thaw.outcomes.OutcomeService;
import app.thaw.outcomes.TalkingTherapiesOutcome;

import org.jspecify.annotations.Nullable;

/**
 * A case's outcome measures: any open risk alert first (to acknowledge), then the state of each client by the NHS
 * Talking Therapies definitions, a chart per measure with each partner's line and the caseness threshold, the same
 * numbers as a table, and what the case is asked. Therapists only.
 */
@Route(value = "staff/cases/:reference/measures", layout = MainLayout.class)
@PageTitle("Outcome measures · Thaw")
@RolesAllowed(app.thaw.security.Roles.THERAPIST)
public class CaseMeasuresView extends Div implements BeforeEnterObserver {

    static final DateTimeFormatter WHEN = PracticeTime.DATE_COMMA_TIME;

    private final OutcomeService outcomes;
    private String reference;

    public CaseMeasuresView(OutcomeService outcomes) {
        this.outcomes = outcomes;
        addClassName("case-measures-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reference = event.getRouteParameters().get("reference").orElse("");
        if (!render()) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private boolean render() {
        var found = CaseReference.typed(reference).flatMap(outcomes::caseMeasures);
        if (found.isEmpty()) {
            return false;
        }
        removeAll();
        CaseMeasures measures = found.get();
        add(new H2("Outcome measures · " + measures.reference()),
                new Anchor("staff/cases/" + measures.reference(), "Back to the case"));
        if (measures.hasOpenAlert()) {
            add(alert(measures));
        }
        add(states(measures));
        for (Measure measure : Measure.scoredMeasures()) {
            boolean any = measures.clients().stream().flatMap(c -> c.points().stream())
                    .anyMatch(p -> p.score(measure) != null);
            if (any) {
                add(chart(measures, measure));
            }
        }
        add(plan(measures));
        return true;
    }

    private Div alert(CaseMeasures measures) {
        var panel = new Div(new H3("Urgent: a risk answer on a repeat measure"));
        panel.setId("measure-alert");
        panel.addClassName("measure-alert");
        panel.getElement().setAttribute("role", "alert");
        var list = new UnorderedList();
        measures.alerts().stream().filter(CaseMeasures.AlertView::open).forEach(a -> a.rules().forEach(rule ->
                list.add(new ListItem(a.clientReference() + ", " + WHEN.format(a.raisedAt()) + ": " + rule))));
        var note = new TextArea("What you did about it");
        note.setId("alert-note");
        note.setMaxLength(OutcomeService.NOTE_MAX);
        note.setWidthFull();
        var acknowledge = new Button("Acknowledge", click -> {
            try {
                outcomes.acknowledgeAlert(IntakeId.of(measures.intakeId()), note.getValue());
                Notification.show("Acknowledged: sessions can be booked again.");
                render();
            } catch (IllegalArgumentException refused) {
                note.setInvalid(true);
                note.setErrorMessage(refused.getMessage());
            }
        });
        acknowledge.setId("acknowledge-alert");
        acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        panel.add(new Paragraph("The client was shown the crisis lines at once. No session can be booked until you "
                + "acknowledge this; the case is at the top of the queue."), list, note, acknowledge);
        return panel;
    }

    private Div states(CaseMeasures measures) {
        var panel = new Div(new H3("Where things stand"));
        panel.addClassName("outcome-states");
        for (CaseMeasures.ClientLine client : measures.clients()) {
            TalkingTherapiesOutcome outcome = client.outcome();
            var words = new StringBuilder(label(client)).append(": ").append(outcome.summary());
            if (outcome.paired()) {
                words.append(" Change since the first measure: PHQ-9 ").append(signed(outcome.phq9Change()))
                        .append(", GAD-7 ").append(signed(outcome.gad7Change())).append('.');
            }
            var line = new Paragraph(words.toString());
            line.addClassName("outcome-state");
            panel.add(line);
        }
        var course = measures.course();
        panel.add(new Paragraph("Course of care: " + course.attendedSessions() + " session(s) attended, "
                + course.attendedTreatmentSessions() + " of them treatment"
                + (course.ended() != null ? ", ended (" + Objects.requireNonNull(course.outcome()).label() + ")"
                        + (course.finishedTreatment() ? ", a finished treatment" : "")
                        : course.started() != null ? ", in therapy" : ", not started") + "."));
        return panel;
    }

    private Div chart(CaseMeasures measures, Measure measure) {
        List<OutcomeChart.Line> lines = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of("When"));
        List<List<String>> rows = new ArrayList<>();
        int colour = 0;
        for (CaseMeasures.ClientLine client : measures.clients()) {
            List<OutcomeChart.Point> points = client.points().stream().filter(p -> p.score(measure) != null)
                    .map(p -> new OutcomeChart.Point(p.at(), Objects.requireNonNull(p.score(measure)))).toList();
            if (points.isEmpty()) {
                continue;
            }
            lines.add(new OutcomeChart.Line(label(client), OutcomeChart.COLOURS[colour++ % 4], points));
            headers.add(label(client));
        }
        for (CaseMeasures.ClientLine client : measures.clients()) {
            int column = headers.indexOf(label(client));
            if (column < 0) {
                continue;
            }
            for (CaseMeasures.Point p : client.points()) {
                if (p.score(measure) == null) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                row.add(WHEN.format(p.at()) + (p.source().equals("INTAKE") ? " (first form)" : ""));
                for (int i = 1; i < headers.size(); i++) {
                    row.add(i == column ? String.valueOf(p.score(measure)) : "");
                }
                rows.add(row);
            }
        }
        Double caseness = measure.caseness();
        OutcomeChart.Threshold threshold = caseness == null ? null : new OutcomeChart.Threshold(caseness,
                (measure.higherIsBetter() ? "Below " : "Caseness ") + format(caseness));
        String description = measure.label() + ", 0 to " + measure.max() + (measure.higherIsBetter()
                ? ", higher is better" : ", lower is better") + (caseness == null ? "" : "; threshold "
                + format(caseness)) + ". " + lines.stream().map(l -> l.name() + ": " + l.points().stream()
                .map(p -> String.valueOf(p.value())).reduce((a, b) -> a + ", " + b).orElse("")).reduce((a, b) -> a
                + "; " + b).orElse("");
        var svg = new Html("<div class=\"outcome-chart-box\">" + OutcomeChart.lines(measure.label(), description,
                measure.max(), threshold, lines) + "</div>");
        var section = new Div(new H3(measure.label()), svg, Tables.of(measure.label() + " scores", headers, rows));
        section.addClassName("outcome-measure");
        section.setId("measure-" + measure.name().toLowerCase(Locale.ROOT));
        return section;
    }

    private Div plan(CaseMeasures measures) {
        var panel = new Div(new H3("What this case is asked before each session"));
        panel.addClassName("measure-plan");
        var chosen = new CheckboxGroup<Measure>("Measures");
        chosen.setItems(EnumSet.allOf(Measure.class));
        chosen.setItemLabelGenerator(Measure::label);
        chosen.setValue(measures.plan());
        var progress = new Checkbox("Show the client their own progress on their private page",
                measures.clientProgress());
        progress.setId("client-progress");
        var save = new Button("Save", click -> {
            try {
                outcomes.changePlan(IntakeId.of(measures.intakeId()), chosen.getValue(), progress.getValue());
                Notification.show("Saved.");
                render();
            } catch (IllegalArgumentException refused) {
                chosen.setInvalid(true);
                chosen.setErrorMessage(refused.getMessage());
            }
        });
        save.setId("save-plan");
        panel.add(chosen, progress, save);
        return panel;
    }

    private static String label(CaseMeasures.ClientLine client) {
        return client.name() + (client.partner() ? " (partner, " : " (") + client.reference() + ")";
    }

    private static String signed(@Nullable Integer change) {
        return change == null ? "–" : change > 0 ? "+" + change : String.valueOf(change);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
