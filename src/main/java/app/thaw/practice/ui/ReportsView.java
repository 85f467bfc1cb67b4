package app.thaw.practice.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.practice.Reports;
import app.thaw.practice.ReportsService;
import app.thaw.security.Roles;

/**
 * The practice manager's operational reports, each a chart (server-drawn SVG), the same numbers as a table, and a CSV
 * download: sessions by therapist and week, utilisation of therapists' hours and rooms, late cancellations, new
 * referrals and the time to a first session. Nothing clinical.
 */
@Route(value = "staff/admin/reports", layout = MainLayout.class)
@PageTitle("Reports · Thaw")
@Menu(order = 94, title = "Reports", icon = "vaadin:chart-grid")
@RolesAllowed(Roles.ADMIN)
public class ReportsView extends Div {

    private static final DateTimeFormatter WEEK = PracticeTime.SHORT_DAY_MONTH;
    private static final String[] COLOURS = {"#2f7f7a", "#5b4b8a", "#b3261e", "#c77700"};

    private final ReportsService reports;
    private final Select<Integer> weeks = new Select<>();
    private final Div body = new Div();

    public ReportsView(ReportsService reports) {
        this.reports = reports;
        addClassName("reports-view");
        weeks.setLabel("Period");
        weeks.setItems(4, 8, 13, 26, 52);
        weeks.setItemLabelGenerator(n -> "Last " + n + " weeks");
        weeks.setValue(8);
        weeks.addValueChangeListener(change -> refresh());
        add(new H2("Reports"), weeks, body);
        refresh();
    }

    private void refresh() {
        body.removeAll();
        Reports data = reports.reports(weeks.getValue());
        List<LocalDate> mondays = data.firstWeek().datesUntil(data.lastWeek().plusDays(1), java.time.Period.ofWeeks(1))
                .toList();
        List<String> labels = mondays.stream().map(WEEK::format).toList();
        body.add(new Paragraph("Weeks from Monday " + WEEK.format(data.firstWeek()) + " to the week of "
                + WEEK.format(data.lastWeek()) + " (UK time). Counts and hours only."));
        body.add(section("Sessions by week", ReportsService.Report.SESSIONS, SvgChart.bars("Sessions by week", labels,
                List.of(series("In the diary", 0, mondays, data.sessions(), Reports.SessionCounts::week,
                                Reports.SessionCounts::booked),
                        series("Attended", 1, mondays, data.sessions(), Reports.SessionCounts::week,
                                Reports.SessionCounts::attended),
                        series("Cancelled", 3, mondays, data.sessions(), Reports.SessionCounts::week,
                                Reports.SessionCounts::cancelled),
                        series("Did not attend", 2, mondays, data.sessions(), Reports.SessionCounts::week,
                                Reports.SessionCounts::noShow))),
                table(data.sessions(), List.of(column("Week", r -> WEEK.format(r.week())),
                        column("Therapist", Reports.SessionCounts::therapist),
                        column("Booked", Reports.SessionCounts::booked),
                        column("Attended", Reports.SessionCounts::attended),
                        column("Cancelled", Reports.SessionCounts::cancelled),
                        column("Did not attend", Reports.SessionCounts::noShow)))));
        List<Reports.Utilisation> used = new ArrayList<>(data.therapists());
        used.addAll(data.rooms());
        body.add(section("Utilisation of therapists' hours and rooms", ReportsService.Report.UTILISATION,
                SvgChart.percentages("Booked share of available hours", used.stream().map(u ->
                        (data.rooms().contains(u) ? "Room: " : "") + u.name()).toList(),
                        used.stream().map(Reports.Utilisation::percent).toList()),
                table(used, List.of(column("Therapist or room",
                                u -> (data.rooms().contains(u) ? "Room: " : "") + u.name()),
                        column("Booked (hours)", u -> hours(u.bookedMinutes())),
                        column("Available (hours)", u -> hours(u.availableMinutes())),
                        column("Booked share", u -> u.percent() + "%")))));
        body.add(section("Late cancellations (inside " + data.notice().toHours() + " hours)",
                ReportsService.Report.LATE_CANCELLATIONS, SvgChart.bars("Clients' cancellations by week", labels,
                        List.of(series("Cancelled by clients", 1, mondays, data.lateCancellations(),
                                        Reports.LateCancellations::week, Reports.LateCancellations::byClients),
                                series("Late", 2, mondays, data.lateCancellations(), Reports.LateCancellations::week,
                                        Reports.LateCancellations::late))),
                table(data.lateCancellations(), List.of(column("Week", r -> WEEK.format(r.week())),
                        column("Therapist", Reports.LateCancellations::therapist),
                        column("Cancelled by clients", Reports.LateCancellations::byClients),
                        column("Late", Reports.LateCancellations::late)))));
        body.add(section("New referrals and time to first session", ReportsService.Report.REFERRALS,
                SvgChart.bars("Forms received and clients seen, by week received", labels,
                        List.of(series("Forms received", 0, mondays, data.referrals(), Reports.Referrals::week,
                                        Reports.Referrals::received),
                                series("Seen since", 1, mondays, data.referrals(), Reports.Referrals::week,
                                        Reports.Referrals::seen))),
                table(data.referrals(), List.of(column("Week received", r -> WEEK.format(r.week())),
                        column("Forms", Reports.Referrals::received),
                        column("Seen since", Reports.Referrals::seen),
                        column("Median days to first session", r -> r.medianDaysToFirstSession() == null ? "—"
                                : String.format(Locale.UK, "%.1f", r.medianDaysToFirstSession()))))));
    }

    private <T> SvgChart.Series series(String name, int colour, List<LocalDate> mondays, List<T> rows,
                                       Function<T, LocalDate> week, Function<T, Integer> value) {
        Map<LocalDate, Double> sums = new LinkedHashMap<>();
        mondays.forEach(monday -> sums.put(monday, 0.0));
        rows.forEach(row -> sums.merge(week.apply(row), value.apply(row).doubleValue(), Double::sum));
        return new SvgChart.Series(name, COLOURS[colour], mondays.stream().map(sums::get).toList());
    }

    private Div section(String title, ReportsService.Report report, String svg, Component table) {
        var chart = new Html("<div class=\"report-chart-box\">" + svg + "</div>");
        var details = new Details("Show the numbers as a table", table);
        details.addClassName("report-table");
        var csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.csv(report, weeks.getValue()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "thaw-" + report.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-') + ".csv", "text/csv", bytes.length);
        }), AttachmentType.DOWNLOAD, "Download CSV");
        csv.addClassName("report-csv");
        var section = new Div(new H3(title), chart, details, csv);
        section.addClassNames("settings-panel", "report-section");
        return section;
    }

    /** A table column: its header and what it shows of a row. */
    private record Column<T>(String header, Function<T, ?> value) {
    }

    private static <T> Column<T> column(String header, Function<T, ?> value) {
        return new Column<>(header, value);
    }

    /** The chart's numbers as a table, for screen readers and for reading exact values. */
    private static <T> Grid<T> table(List<T> rows, List<Column<T>> columns) {
        var grid = new Grid<T>();
        for (Column<T> column : columns) {
            grid.addColumn(row -> String.valueOf(column.value().apply(row))).setHeader(column.header())
                    .setAutoWidth(true);
        }
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("Nothing in this period.");
        return grid;
    }

    private static String hours(long minutes) {
        return String.format(Locale.UK, "%.1f", minutes / 60.0);
    }
}
