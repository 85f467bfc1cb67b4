package app.thaw.outcomes.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.MainLayout;
import app.thaw.outcomes.OutcomesReport;
import app.thaw.security.Roles;

import org.jspecify.annotations.Nullable;

/**
 * The practice's results: the trend of recovery, improvement and deterioration for the whole practice, then every
 * period, therapist and service as a table, and a CSV. Clinical leads see every count; practice managers see counts
 * under 5 suppressed and the rest rounded to the nearest 5.
 */
@Route(value = "staff/reports/outcomes", layout = MainLayout.class)
@PageTitle("Outcomes · Thaw")
@Menu(order = 95, title = "Outcomes", icon = "vaadin:line-chart")
@RolesAllowed({Roles.CLINICAL_LEAD, Roles.ADMIN})
public class OutcomesReportView extends Div {

    private final OutcomesReport reports;
    private final Clock clock;
    private final Select<OutcomesReport.Period> period = new Select<>();
    private final Select<Integer> months = new Select<>();
    private final Div body = new Div();

    public OutcomesReportView(OutcomesReport reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
        addClassName("outcomes-report-view");
        period.setLabel("By");
        period.setItems(OutcomesReport.Period.values());
        period.setItemLabelGenerator(OutcomesReport.Period::label);
        period.setValue(OutcomesReport.Period.MONTH);
        months.setLabel("Courses ended in");
        months.setItems(3, 6, 12, 24, 36);
        months.setItemLabelGenerator(m -> "the last " + m + " months");
        months.setValue(12);
        period.addValueChangeListener(e -> render());
        months.addValueChangeListener(e -> render());
        var csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.csv(period.getValue(), from(), to()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "thaw-outcomes.csv", "text/csv",
                    bytes.length);
        }), AttachmentType.DOWNLOAD, "Download CSV");
        csv.setId("outcomes-csv");
        var controls = new HorizontalLayout(period, months, csv);
        controls.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        controls.setWrap(true);
        add(new H2("Outcomes"), controls, body);
        render();
    }

    private LocalDate to() {
        return LocalDate.now(clock).withDayOfMonth(1);
    }

    private LocalDate from() {
        return to().minusMonths(months.getValue() - 1L);
    }

    private void render() {
        body.removeAll();
        OutcomesReport.Report report = reports.report(period.getValue(), from(), to());
        body.add(new Paragraph("Courses of therapy that ended in the period. A finished treatment is one with two or "
                + "more attended treatment sessions; recovery, reliable improvement and deterioration follow the NHS "
                + "Talking Therapies definitions, over finished treatments with a first and a last PHQ-9 and GAD-7 "
                + "(recovery: of those who were a case at the start)."));
        if (report.suppressed()) {
            var note = new Paragraph("Counts from 1 to 4 are shown as \u201c<5\u201d, and rates and waits built on them "
                    + "as \u201c–\u201d: small numbers could identify a client. The clinical lead sees every count.");
            note.addClassName("suppression-note");
            var rounding = new Paragraph("Every other count is rounded to the nearest 5 for privacy, so counts may not "
                    + "add up; rates and waits come from the exact counts.");
            rounding.addClassName("rounding-note");
            body.add(note, rounding);
        }
        List<String> periods = report.practice().stream().map(OutcomesReport.Row::period).toList();
        var trend = OutcomeChart.trend("Results of the whole practice by " + report.period().label().toLowerCase(
                java.util.Locale.UK), describe(report.practice()), periods, List.of(
                new OutcomeChart.Trend("Recovery", OutcomeChart.COLOURS[0],
                        report.practice().stream().map(OutcomesReport.Row::recoveryPercent).toList()),
                new OutcomeChart.Trend("Reliable improvement", OutcomeChart.COLOURS[2],
                        report.practice().stream().map(OutcomesReport.Row::improvementPercent).toList()),
                new OutcomeChart.Trend("Reliable deterioration", OutcomeChart.COLOURS[1],
                        report.practice().stream().map(OutcomesReport.Row::deteriorationPercent).toList())),
                new OutcomeChart.Threshold(50, "Recovery standard 50%"));
        body.add(new H3("Trend"), new Html("<div class=\"outcome-chart-box\">" + trend + "</div>"),
                table("The whole practice", report.practice(), false), new H3("By therapist and service"),
                table("By therapist and service", report.rows(), true));
    }

    private static String describe(List<OutcomesReport.Row> rows) {
        var text = new StringBuilder();
        rows.forEach(r -> text.append(r.period()).append(": recovery ").append(percent(r.recoveryPercent()))
                .append(", improvement ").append(percent(r.improvementPercent())).append(", deterioration ")
                .append(percent(r.deteriorationPercent())).append(". "));
        return text.isEmpty() ? "No courses ended in this period." : text.toString().strip();
    }

    // the whole practice's rows would repeat "Whole practice" and "All services": without them the table fits a laptop
    private static com.vaadin.flow.component.Component table(String caption, List<OutcomesReport.Row> rows,
                                                             boolean perTherapist) {
        List<List<String>> cells = new ArrayList<>();
        for (OutcomesReport.Row r : rows) {
            var row = new ArrayList<>(List.of(r.period()));
            if (perTherapist) {
                row.addAll(List.of(r.therapist(), r.service()));
            }
            row.addAll(List.of(count(r.ended()), count(r.finished()),
                    percent(r.completenessPercent()), count(r.atCaseness()), count(r.recovered()),
                    percent(r.recoveryPercent()), count(r.improved()), percent(r.improvementPercent()),
                    count(r.deteriorated()), percent(r.deteriorationPercent()), count(r.reliablyRecovered()),
                    r.medianWaitDays() == null ? "–" : r.medianWaitDays() + " days"));
            cells.add(row);
        }
        var headers = new ArrayList<>(List.of("Period"));
        if (perTherapist) {
            headers.addAll(List.of("Therapist", "Service"));
        }
        headers.addAll(List.of("Ended", "Finished treatment", "Paired measures", "Case at start", "Recovered",
                "Recovery", "Reliably improved", "Improvement", "Reliably deteriorated", "Deterioration",
                "Reliably recovered", "Median wait"));
        var table = Tables.of(caption, headers, cells);
        var scroll = new Div(table);
        scroll.addClassName("outcome-table-scroll");
        if (rows.isEmpty()) {
            scroll.add(new Paragraph("No courses ended in this period."));
        }
        return scroll;
    }

    private static String count(@Nullable Integer value) {
        return value == null ? "<5" : String.valueOf(value);
    }

    private static String percent(@Nullable Integer value) {
        return value == null ? "–" : value + "%";
    }
}
