package app.thaw.audit.ui;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.UkPickers;
import app.thaw.base.PracticeTime;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditCsv;
import app.thaw.audit.AuditEntry;
import app.thaw.audit.AuditFilter;
import app.thaw.audit.AuditLog;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.PhoneCard;
import app.thaw.base.ui.PhoneColumns;
import app.thaw.base.ui.WrappingCell;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

/**
 * Who read or changed what, when: the practice manager's view of the append-only audit log, each entry in full on
 * demand, with CSV export.
 */
@Route(value = "staff/admin/audit", layout = MainLayout.class)
@PageTitle("Audit log · Thaw")
@Menu(order = 96, title = "Audit log", icon = "vaadin:records")
@RolesAllowed(Roles.ADMIN)
public class AuditLogView extends VerticalLayout {

    static final int PAGE = 100;
    static final int EXPORT_MAX = 100_000;
    private static final DateTimeFormatter WHEN = PracticeTime.DATE_SECONDS;
    private static final DateTimeFormatter FULL = PracticeTime.EXACT;

    private final AuditLog auditLog;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ComboBox<StaffSummary> actor = new ComboBox<>("Staff member");
    private final TextField reference = new TextField("Case reference");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final DatePicker from = UkPickers.date("From");
    private final DatePicker to = UkPickers.date("To");
    private final Checkbox allTime = new Checkbox("All time");
    private final PhoneColumns<AuditEntry> columns;
    private final AuditFilter opening;
    private final List<AuditEntry> loaded = new ArrayList<>();
    private boolean exhausted;

    public AuditLogView(AuditLog auditLog, StaffAccountService staff) {
        this.auditLog = auditLog;
        setSizeFull();
        actor.setItems(staff.listStaff());
        actor.setItemLabelGenerator(StaffSummary::displayName);
        actor.setClearButtonVisible(true);
        actor.setPlaceholder("Anyone");
        reference.setClearButtonVisible(true);
        reference.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::label);
        action.setClearButtonVisible(true);
        action.setPlaceholder("Any action");
        // opens on the last few months (each month is a partition: the whole log is read only when asked for)
        opening = auditLog.openingFilter();
        from.setValue(opening.from());
        UkPickers.range(from, to);
        from.setHelperText("Opens on the last " + AuditFilter.OPENING_MONTHS + " months");
        allTime.addValueChangeListener(e -> allTime(e.getValue()));
        actor.addValueChangeListener(e -> refresh());
        reference.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        grid.setAriaLabel("Audit log");
        grid.addClassName("log-grid");
        // on a phone one column of cards: five side by side ran past its edge, the action out of sight
        // most of the room left over goes to the detail, whose words run long ("Scheduled …" in a fifth)
        columns = new PhoneColumns<>(grid, List.of(
                grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0),
                // a name or an action on two lines where it must: at their own widths a tablet's row ran 776 px
                grid.addColumn(WrappingCell.of(AuditEntry::actorName)).setHeader("Who").setWidth("7rem").setFlexGrow(1),
                grid.addColumn(WrappingCell.<AuditEntry>of(e -> e.action().label())).setHeader("Action")
                        .setWidth("9rem").setFlexGrow(2),
                grid.addColumn(e -> e.caseReference() == null ? "" : e.caseReference()).setHeader("Case")
                        .setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(e -> Objects.requireNonNullElse(e.readableDetail(), "")).setHeader("Detail")
                        .setWidth("8rem").setFlexGrow(3)),
                () -> grid.addComponentColumn(e -> PhoneCard.of(e.action().label()
                        + (e.caseReference() == null ? "" : " · " + e.caseReference()),
                        WHEN.format(e.occurredAt()) + " · " + e.actorName())).setHeader("Entries"));
        // a row opens its full entry (the whole detail, ids and the action's code) on click or Enter
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditLogView::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()));
        grid.setPageSize(PAGE);

        var export = new Anchor(DownloadHandler.fromInputStream(event -> csv()), AttachmentType.DOWNLOAD,
                "Export to CSV");
        export.addClassName("audit-export");
        var filters = new FlexLayout(actor, reference, action, from, to, allTime, export);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("queue-filters");
        var hint = new Paragraph("Click an entry to see all of it.");
        hint.addClassName("panel-note");
        add(new H2("Audit log"), filters, hint, grid);
        setFlexGrow(1, grid);
    }

    /** One column of cards up to a phone's width, else the five columns. */
    void fitTo(int windowWidth) {
        columns.fitTo(windowWidth);
    }

    static Div details(AuditEntry entry) {
        var list = new DescriptionList();
        list.addClassName("audit-details");
        item(list, "When", FULL.format(entry.occurredAt()));
        item(list, "Who", entry.actorName() + (entry.actorId() == null ? "" : " (staff id " + entry.actorId() + ")"));
        item(list, "Action", entry.action().label() + " (" + entry.action().name() + ")"
                + (entry.action().isClinicalRead() ? " · a read of clinical content" : ""));
        item(list, "Case", entry.caseReference() == null ? "—"
                : entry.caseReference() + (entry.intakeId() == null ? "" : " (intake " + entry.intakeId() + ")"));
        item(list, "Detail", Objects.requireNonNullElse(entry.readableDetail(), "—"));
        item(list, "Entry", "#" + entry.id());
        var box = new Div(list);
        box.addClassName("audit-entry-details");
        return box;
    }

    private static void item(DescriptionList list, String term, String description) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
    }

    AuditFilter filter() {
        return new AuditFilter(actor.getValue() == null ? null : actor.getValue().id(), reference.getValue(),
                action.getValue(), from.getValue(), to.getValue());
    }

    /** Walks keyset pages forward from the last loaded entry, however far the manager scrolls. */
    private Stream<AuditEntry> fetch(int offset, int limit) {
        while (!exhausted && loaded.size() < offset + limit) {
            Long before = loaded.isEmpty() ? null : loaded.getLast().id();
            List<AuditEntry> page = auditLog.search(filter(), before, PAGE);
            loaded.addAll(page);
            exhausted = page.size() < PAGE;
        }
        return offset >= loaded.size() ? Stream.empty()
                : loaded.subList(offset, Math.min(loaded.size(), offset + limit)).stream();
    }

    /** "All time" clears and locks the dates (the whole log, every month); unticked, the opening range is back. */
    private void allTime(boolean everything) {
        from.setEnabled(!everything);
        to.setEnabled(!everything);
        from.setValue(everything ? null : opening.from());
        to.setValue(null);
        refresh();
    }

    private void refresh() {
        loaded.clear();
        exhausted = false;
        grid.getDataProvider().refreshAll();
    }

    private DownloadResponse csv() {
        var out = new StringWriter();
        try {
            AuditCsv.writeHeader(out);
            Long before = null;
            int written = 0;
            AuditFilter current = filter();
            while (written < EXPORT_MAX) {
                List<AuditEntry> page = auditLog.search(current, before, 1000);
                for (AuditEntry entry : page) {
                    AuditCsv.write(out, entry);
                }
                written += page.size();
                if (page.size() < 1000) {
                    break;
                }
                before = page.getLast().id();
            }
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(bytes), "thaw-audit-log.csv", "text/csv", bytes.length);
    }
}
