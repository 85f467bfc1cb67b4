package app.thaw.review.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ui.MainLayout;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.QueueFilter;
import app.thaw.review.QueueRow;
import app.thaw.review.QueueSort;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewQueueService;
import app.thaw.security.CurrentUser;
import app.thaw.security.StaffAccountService;
import app.thaw.security.Roles;
import app.thaw.base.ui.Toasts;

/** Every intake waiting for the practice, urgent first; filters, search and keyboard-first navigation. */
@Route(value = "staff", layout = MainLayout.class)
@PageTitle("Cases · Thaw")
@Menu(order = 0, title = "Cases", icon = "vaadin:inbox")
@RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
public class ReviewQueueView extends VerticalLayout implements BeforeEnterObserver {

    /** The order the therapist last saw, for next/previous inside a case. */
    static final String QUEUE_ORDER = "thaw.queue.order";

    /** Rows per grid request; the loader still reads the database {@link QueueLoader#PAGE} rows at a time. */
    static final int GRID_PAGE = 25;

    private final CaseAssignments assignments;
    private final QueueLoader loader;
    private final boolean therapist;
    private final Grid<QueueRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<QueueStatuses> statuses = new Select<>();
    private final Select<QueueFilter.Urgency> urgency = new Select<>();
    private final MoreFilters more;
    private @Nullable QueueColumns columns;

    public ReviewQueueView(ReviewQueueService review, CaseAssignments assignments, StaffAccountService staff,
                           CurrentUser currentUser, Clock clock) {
        this.assignments = assignments;
        this.loader = new QueueLoader(review);
        this.therapist = currentUser.require().isTherapist();
        addClassName("review-queue");
        setSizeFull();
        configureFilters();
        configureGrid(clock);
        var help = new Button("Shortcuts (?)", click -> new KeyboardHelp().open());
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new FlexLayout(search, statuses, urgency);
        more = new MoreFilters(filters, therapist, this::refresh);
        filters.add(more.toggle(), help);
        if (!therapist) {
            // the manager assigns without opening the case: select the row, then this
            var assign = new Button("Assign selected case…", click -> grid.asSingleSelect().getOptionalValue()
                    .ifPresentOrElse(row -> new AssignCaseDialog(row, staff.activeTherapists(), assignments,
                            this::refresh).open(), () -> Toasts.problem("Select a case in the list first.")));
            assign.setId("assign-case");
            filters.add(assign);
        }
        filters.addClassName("queue-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        add(new H2("Cases"), filters, grid);
        setFlexGrow(1, grid);
        registerShortcuts();
        refresh();
    }

    /** As if the window were this wide: on a phone each case is two lines in one column ({@link QueueColumns}). */
    void fitTo(int windowWidth) {
        if (columns != null) {
            columns.fitTo(windowWidth);
        }
    }

    /**
     * {@code ?search=} fills the search box, so other screens (a safety gate's message) can point at one case. The
     * browser's Back from a case brings back the search and filters this tab last showed; the menu opens a fresh queue.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var asked = event.getLocation().getQueryParameters().getSingleParameter("search")
                .filter(text -> !text.isBlank() && text.length() <= 200);
        Shown shown = ComponentUtil.getData(event.getUI(), Shown.class);
        if (asked.isPresent()) {
            search.setValue(asked.get());
        } else if (event.getTrigger() == NavigationTrigger.HISTORY && shown != null) {
            search.setValue(shown.search());
            statuses.setValue(shown.statuses());
            urgency.setValue(shown.urgency());
        }
        remember();
    }

    /** The first row of filters as this tab last showed them; kept on the UI, never in the address (names). */
    private record Shown(String search, QueueStatuses statuses, QueueFilter.Urgency urgency) {
    }

    private void filtersChanged() {
        remember();
        refresh();
    }

    private void remember() {
        UI ui = UI.getCurrent();
        if (ui != null && statuses.getValue() != null && urgency.getValue() != null) {
            ComponentUtil.setData(ui, Shown.class, new Shown(search.getValue(), statuses.getValue(), urgency.getValue()));
        }
    }

    private void configureFilters() {
        search.setPlaceholder("Name, email or reference");
        search.setAriaLabel("Search by name or reference");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        statuses.setLabel("Cases");
        statuses.setItems(QueueStatuses.values());
        statuses.setItemLabelGenerator(group -> group.label);
        statuses.setValue(QueueStatuses.IN_HAND);
        urgency.setLabel("Urgency");
        urgency.setItems(QueueFilter.Urgency.values());
        urgency.setItemLabelGenerator(u -> switch (u) {
            case ANY -> "Any";
            case URGENT -> "Urgent only";
            case ROUTINE -> "Not urgent";
        });
        urgency.setValue(QueueFilter.Urgency.ANY);
        search.addValueChangeListener(change -> filtersChanged());
        statuses.addValueChangeListener(change -> filtersChanged());
        urgency.addValueChangeListener(change -> filtersChanged());
    }

    private void configureGrid(Clock clock) {
        grid.setAriaLabel("Cases");
        columns = new QueueColumns(grid, clock);
        grid.setItems(query -> loader.fetch(query.getOffset(), query.getLimit()));
        grid.setEmptyStateText("No cases match these filters. Try \u201cAll cases\u201d, or clear the search.");
        // a screenful and a little more: the first response (which Flow keeps per UI) carries these rows
        grid.setPageSize(GRID_PAGE);
        grid.setMultiSort(false);
        grid.addSortListener(event -> {
            loader.reset(filter(), sortFrom(event.getSortOrder()));
            grid.getDataProvider().refreshAll();
        });
        // selection follows keyboard focus, so ↑/↓ then Enter opens the row the therapist is on (as the help says)
        grid.addCellFocusListener(focus -> focus.getItem().ifPresent(grid::select));
        if (therapist) {
            // one click opens the case, as a row in any list would
            grid.addItemClickListener(click -> open(click.getItem()));
        }
    }

    private void registerShortcuts() {
        // "?" is typed with Shift on most layouts, and a shortcut only fires with exactly its modifiers
        Shortcuts.addShortcutListener(this, () -> new KeyboardHelp().open(), Key.of("?"), KeyModifier.SHIFT)
                .listenOn(grid);
        Shortcuts.addShortcutListener(this, () -> new KeyboardHelp().open(), Key.of("?")).listenOn(grid);
        Shortcuts.addShortcutListener(this, () -> move(1), Key.KEY_J).listenOn(grid);
        Shortcuts.addShortcutListener(this, () -> move(-1), Key.KEY_K).listenOn(grid);
        Shortcuts.addShortcutListener(this, () -> search.focus(), Key.of("/")).listenOn(grid);
        if (therapist) {
            Shortcuts.addShortcutListener(this, () -> grid.asSingleSelect().getOptionalValue().ifPresent(this::open),
                    Key.ENTER).listenOn(grid);
            Shortcuts.addShortcutListener(this, () -> grid.asSingleSelect().getOptionalValue().ifPresent(this::open),
                    Key.KEY_O).listenOn(grid);
            Shortcuts.addShortcutListener(this, this::assignSelectedToMe, Key.KEY_A).listenOn(grid);
        }
    }

    /** J/K move the selection like a mail client; the grid scrolls to keep it in view. */
    void move(int step) {
        List<String> order = loader.loadedReferences();
        if (order.isEmpty()) {
            return;
        }
        int current = grid.asSingleSelect().getOptionalValue().map(row -> order.indexOf(row.reference())).orElse(-1);
        int next = Math.max(current + step, 0);
        // past the loaded rows the loader fetches the next keyset page; at the very end the selection stays
        loader.fetch(next, 1).findFirst().ifPresent(row -> {
            grid.select(row);
            grid.scrollToIndex(next);
        });
    }

    void assignSelectedToMe() {
        grid.asSingleSelect().getOptionalValue().ifPresent(row -> {
            try {
                assignments.assignToMe(IntakeId.of(row.intakeId()));
                Toasts.success(row.reference() + " is now assigned to you.");
            } catch (CaseActionRefused refused) {
                Toasts.problem(refused.getMessage());
            }
            refresh();
        });
    }

    void open(QueueRow row) {
        ComponentUtil.setData(UI.getCurrent(), QUEUE_ORDER, loader.loadedReferences());
        UI.getCurrent().navigate(CaseView.class, new com.vaadin.flow.router.RouteParameters("reference",
                row.reference()));
    }

    private void refresh() {
        loader.reset(filter(), loader.sort());
        grid.getDataProvider().refreshAll();
    }

    private QueueFilter filter() {
        return new QueueFilter(statuses.getValue() == null ? QueueFilter.IN_HAND : statuses.getValue().statuses,
                urgency.getValue(), more.type(), more.assignment(), more.from(), more.to(), search.getValue());
    }

    private static QueueSort sortFrom(List<GridSortOrder<QueueRow>> orders) {
        if (orders.isEmpty()) {
            return QueueSort.DEFAULT;
        }
        var order = orders.getFirst();
        boolean descending = order.getDirection() == SortDirection.DESCENDING;
        return switch (order.getSorted().getKey()) {
            case "reference" -> new QueueSort(QueueSort.Field.REFERENCE, descending);
            case "name" -> new QueueSort(QueueSort.Field.NAME, descending);
            // longest waiting = sent earliest
            case "waiting" -> new QueueSort(QueueSort.Field.SUBMITTED, !descending);
            default -> QueueSort.DEFAULT;
        };
    }
}
