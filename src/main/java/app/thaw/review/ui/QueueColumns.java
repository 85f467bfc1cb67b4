package app.thaw.review.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;

import app.thaw.base.ui.PhoneColumns;
import app.thaw.review.QueueRow;

/**
 * The queue's columns: seven on a wide screen, fitted to a tablet by wrapping a name or an urgent badge onto a second
 * line (side by side at their own widths they ran 997 px, so "Waiting" and "Assigned to" were out of sight at 768 and
 * 1024 px); on a phone each case as two lines in one column, the name first — seven columns ran past the screen's edge
 * there (only urgency and reference showed at 320 px). Templates, not a
 * component per row: rows cost the session no server-side components (docs/performance.md).
 */
final class QueueColumns {

    private final Grid<QueueRow> grid;
    private final Clock clock;
    private final PhoneColumns<QueueRow> columns;

    QueueColumns(Grid<QueueRow> grid, Clock clock) {
        // widths a tablet's 734 px hold (iPad portrait, or landscape beside the menu); wider screens share the rest
        var wide = List.of(grid.addColumn(LitRenderer.<QueueRow>of("<span theme=${item.theme}>${item.urgency}</span>")
                                .withProperty("urgency", QueueColumns::urgency)
                                .withProperty("theme", QueueColumns::badge))
                        .setHeader("Urgency").setWidth("7.5rem").setFlexGrow(2),
                grid.addColumn(LitRenderer.<QueueRow>of("<span class=\"nowrap\">${item.reference}</span>")
                                .withProperty("reference", QueueRow::reference))
                        .setHeader("Reference").setKey("reference").setSortable(true)
                        .setWidth("7.75rem").setFlexGrow(0),
                grid.addColumn(QueueRow::name).setHeader("Name").setKey("name").setSortable(true)
                        .setWidth("6.5rem").setFlexGrow(2),
                grid.addColumn(row -> row.requestedType().label()).setHeader("Asked for").setWidth("5.5rem")
                        .setFlexGrow(1),
                grid.addColumn(row -> row.status().label()).setHeader("Status").setWidth("5.5rem").setFlexGrow(1),
                grid.addColumn(row -> waiting(row, clock)).setHeader("Waiting")
                        .setKey("waiting").setSortable(true).setWidth("6rem").setFlexGrow(0),
                grid.addColumn(QueueColumns::assignee).setHeader("Assigned to").setWidth("6.5rem").setFlexGrow(1));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("queue-grid");
        this.grid = grid;
        this.clock = clock;
        columns = new PhoneColumns<>(grid, wide, this::phoneColumn);
    }

    /** One column of two-line cases up to a phone's width, else all seven. */
    void fitTo(int windowWidth) {
        columns.fitTo(windowWidth);
    }

    private Grid.Column<QueueRow> phoneColumn() {
        return grid.addColumn(LitRenderer.<QueueRow>of("""
                        <div class="queue-card"><span theme=${item.theme}>${item.urgency}</span> \
                        <strong>${item.name}</strong><div class="queue-card-line">${item.reference} · \
                        ${item.status} · ${item.waiting} · ${item.assignee}</div></div>""")
                        .withProperty("urgency", QueueColumns::urgency)
                        .withProperty("theme", QueueColumns::badge)
                        .withProperty("name", QueueRow::name)
                        .withProperty("reference", QueueRow::reference)
                        .withProperty("status", row -> row.status().label())
                        .withProperty("waiting", row -> waiting(row, clock))
                        .withProperty("assignee", QueueColumns::assignee))
                .setHeader("Cases");
    }

    /** How long the client has waited for therapy to begin; once it has, they are no longer waiting. */
    private static String waiting(QueueRow row, Clock clock) {
        return switch (row.status()) {
            case IN_THERAPY, ENDED, CLOSED -> "Not waiting";
            default -> Waiting.since(row.submittedAt(), clock.instant());
        };
    }

    private static String urgency(QueueRow row) {
        return !row.urgent() ? "Routine" : row.riskReviewed() ? "Urgent · risk reviewed" : "Urgent · risk not reviewed";
    }

    /** Urgent cases say whether a therapist has reviewed the risk yet: unreviewed ones lead the queue. */
    private static String badge(QueueRow row) {
        return !row.urgent() ? "badge contrast" : row.riskReviewed() ? "badge error" : "badge error primary";
    }

    private static String assignee(QueueRow row) {
        return row.assigneeName() == null ? "Unassigned" : row.assigneeName();
    }
}
