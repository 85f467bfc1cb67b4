package app.thaw.waitlist.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.Toasts;
import app.thaw.base.ui.MainLayout;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.Roles;
import app.thaw.waitlist.BackfillMode;
import app.thaw.waitlist.BackfillSettings;
import app.thaw.waitlist.FreedTime;
import app.thaw.waitlist.FreedTimeService;
import app.thaw.waitlist.OfferRefused;
import app.thaw.waitlist.OfferService;
import app.thaw.waitlist.ServiceType;
import app.thaw.waitlist.WaitSummary;
import app.thaw.waitlist.WaitingCase;
import app.thaw.waitlist.WaitlistChanges;
import app.thaw.waitlist.WaitlistFilter;
import app.thaw.waitlist.WaitlistService;

/**
 * The waiting list: how many wait and for how long per service type, then the cases, urgent first and longest waiting,
 * with filters; "Offer times" opens the slot finder for a case and holds the times chosen.
 */
@Route(value = "staff/waitlist", layout = MainLayout.class)
@PageTitle("Waiting list · Thaw")
@Menu(order = 11, title = "Waiting list", icon = "vaadin:hourglass")
@RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
public class WaitlistView extends VerticalLayout {

    private static final DateTimeFormatter FREED = PracticeTime.DAY_TIME;
    private static final DateTimeFormatter UNTIL = PracticeTime.TIME;
    static final DateTimeFormatter ADDED = PracticeTime.DATE;

    private final WaitlistService waitlist;
    private final FreedTimeService freedTimes;
    private final BackfillSettings backfill;
    private final OfferService offers;
    private final Div summary = new Div();
    private final Grid<WaitingCase> grid = new Grid<>();
    private final ComboBox<ServiceType> service = new ComboBox<>("Service");
    private final ComboBox<SessionFormat> format = new ComboBox<>("Format");
    private final Checkbox urgentOnly = new Checkbox("Urgent only");
    private final Div freed = new Div();
    private final WaitlistColumns columns;

    public WaitlistView(WaitlistService waitlist, FreedTimeService freedTimes, BackfillSettings backfill,
                        OfferService offers, WaitlistChanges changes) {
        this.waitlist = waitlist;
        this.freedTimes = freedTimes;
        this.backfill = backfill;
        this.offers = offers;
        addClassName("waitlist-view");
        setSizeFull();
        summary.setId("waitlist-summary");
        summary.addClassName("waitlist-summary");
        service.setItems(ServiceType.values());
        service.setItemLabelGenerator(ServiceType::label);
        service.setClearButtonVisible(true);
        format.setItems(SessionFormat.values());
        format.setItemLabelGenerator(SessionFormat::label);
        format.setClearButtonVisible(true);
        service.setPlaceholder("Any");
        format.setPlaceholder("Any");
        service.addValueChangeListener(e -> refresh());
        format.addValueChangeListener(e -> refresh());
        urgentOnly.addValueChangeListener(e -> refresh());
        grid.setAriaLabel("Cases waiting for a first session");
        columns = new WaitlistColumns(grid, c -> new OfferDialog(waitlist, offers, c, !backfill.managesPractice(),
                this::refresh).open(), changes, this::refresh);
        // cells wrapped rather than cut from a tablet up; a phone's cards wrap their own lines (thaw.css)
        grid.addClassName("waitlist-grid");
        var filters = new HorizontalLayout(service, format, urgentOnly);
        filters.setAlignItems(Alignment.BASELINE);
        // on a phone the filters go under one another: side by side they were 518 px wide on a 320 px screen
        filters.setWrap(true);
        freed.setId("freed-times");
        freed.addClassName("freed-times");
        add(new H2("Waiting list"), summary);
        if (!backfill.managesPractice()) {
            // the counts above are the practice's; without this a therapist reads "3 waiting" over a list of two
            var scope = new Paragraph("Counts are for the whole practice. The list shows the cases you may offer "
                    + "times to: your own and those in the shared queue.");
            scope.setId("waitlist-scope");
            scope.addClassName("waitlist-scope");
            add(scope);
        }
        if (backfill.managesPractice()) {
            // every choice in full, also on a phone (a closed box cut the chosen one to "Suggest waiting cases to st…")
            var mode = new RadioButtonGroup<BackfillMode>("When a cancellation frees a time");
            mode.setId("backfill-mode");
            mode.setItems(BackfillMode.values());
            mode.setItemLabelGenerator(BackfillMode::label);
            mode.setValue(backfill.backfillMode());
            mode.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            mode.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    backfill.setBackfillMode(e.getValue());
                    Notification.show("Saved: " + e.getValue().label());
                }
            });
            add(mode);
        }
        add(freed, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    /**
     * As if the window were this wide: on a phone each case is one card with its buttons (six columns put "Offer
     * times" at 617 px of a 320 px screen).
     */
    void fitTo(int windowWidth) {
        columns.fitTo(windowWidth);
    }

    void refresh() {
        showFreed();
        summary.removeAll();
        List<WaitSummary> waits = waitlist.waits();
        if (waits.isEmpty()) {
            summary.add(new Paragraph("Nobody is waiting for a first session."));
        }
        for (WaitSummary wait : waits) {
            var line = new Paragraph(wait.service().label() + ": " + wait.waiting() + " waiting · median "
                    + days(wait.medianDays()) + " · 90th percentile " + days(wait.p90Days()));
            line.setId("waits-" + wait.service().name().toLowerCase(Locale.ROOT));
            summary.add(line);
        }
        List<WaitingCase> rows = new ArrayList<>(waitlist.waiting(new WaitlistFilter(service.getValue(),
                format.getValue(), urgentOnly.getValue(), 200, 0)));
        columns.fit(rows);
        grid.setItems(rows);
    }

    private void showFreed() {
        freed.removeAll();
        List<FreedTime> times = freedTimes.freedTimes();
        if (times.isEmpty()) {
            return;
        }
        freed.add(new H3("Times freed by cancellations"));
        for (FreedTime time : times) {
            var item = new Div(new Span(FREED.format(time.start()) + "–" + UNTIL.format(time.end()) + " · "
                    + time.therapistName() + " · " + time.where()));
            item.addClassName("freed-time");
            if (time.fits().isEmpty()) {
                item.add(new Span(" · no waiting case fits this time"));
            }
            for (FreedTime.Fit fit : time.fits()) {
                var offer = new Button("Offer to " + fit.clients() + " (" + fit.reference() + ")", click -> {
                    try {
                        offers.offerFreed(IntakeId.of(fit.intakeId()), HeldSlotId.of(time.slotId()));
                        Notification.show("Offered to " + fit.clients() + "; the time is held for them.", 5000,
                                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (OfferRefused refused) {
                        Toasts.problem(refused.getMessage());
                    }
                    refresh();
                });
                offer.addThemeVariants(ButtonVariant.LUMO_SMALL);
                offer.setId("backfill-" + time.slotId() + "-" + fit.reference());
                item.add(offer);
            }
            freed.add(item);
        }
    }


    static String days(double days) {
        return days < 1 ? "under a day" : String.format(Locale.UK, "%.0f %s", Math.floor(days),
                Math.floor(days) == 1 ? "day" : "days");
    }
}
