package app.thaw.waitlist.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;

import app.thaw.base.ui.PhoneColumns;
import app.thaw.waitlist.WaitingCase;
import app.thaw.waitlist.WaitlistChanges;
import app.thaw.waitlist.WaitlistService;

/**
 * The waiting list's columns: six on a wide screen; on a phone each case as one card holding its offer and "Waits for"
 * buttons, where six columns ran past the screen and put "Offer times" at 617 px of a 320 px phone. A button is made
 * in one place only, the card or its column, so each id is on the page once.
 */
final class WaitlistColumns {

    private final Consumer<WaitingCase> offer;
    private final WaitsForColumn waitsFor;
    private final PhoneColumns<WaitingCase> columns;

    /** {@code offer} opens the slot finder for a case; {@code saved} runs when what a case waits for is changed. */
    WaitlistColumns(Grid<WaitingCase> grid, Consumer<WaitingCase> offer, WaitlistChanges changes, Runnable saved) {
        this.offer = offer;
        columns = new PhoneColumns<>(grid);
        // the case in one cell: its reference, the service and an urgent badge under it; as three columns a
        // tablet's row ran 951 px in 734 and the availability was out of sight
        var caseColumn = grid.addColumn(LitRenderer.<WaitingCase>of("""
                        <span class="nowrap">${item.reference}</span><div class="waitlist-detail">${item.service} \
                        <span theme="badge error small" ?hidden=${!item.urgent}>Urgent</span></div>""")
                        .withProperty("reference", WaitingCase::reference)
                        .withProperty("service", c -> c.service().label())
                        .withProperty("urgent", WaitingCase::urgent))
                .setHeader("Case").setAutoWidth(true).setFlexGrow(0);
        // names in full, wrapped rather than cut: the practice works from them (a couple's were cut to
        // "Alex Montgomery-…" below 768 px)
        var clients = grid.addColumn(LitRenderer.<WaitingCase>of(
                                "<span class=\"waitlist-clients\">${item.clients}</span>")
                        .withProperty("clients", WaitingCase::clients))
                .setHeader("Clients").setWidth("8rem").setFlexGrow(1);
        // the date under the wait: on one line it took a quarter of a laptop's row and pushed Availability out of sight
        var waiting = grid.addColumn(LitRenderer.<WaitingCase>of(
                                "${item.waited}<div class=\"waitlist-detail\">since ${item.since}</div>")
                        .withProperty("waited", c -> WaitlistService.inWords(c.waited()))
                        .withProperty("since", c -> WaitlistView.ADDED.format(c.addedAt())))
                .setHeader("Waiting").setWidth("8.25rem").setFlexGrow(0);
        // where the offer stands and the way to make one, together and early in the row: on a laptop beside the
        // menu the row is wider than the screen, and the action must not be the part scrolled out of sight
        var offers = columns.addWideComponentColumn(this::offerCell)
                .setHeader("Offer").setAutoWidth(true).setFlexGrow(0).setKey("offer");
        waitsFor = new WaitsForColumn(columns, changes, saved);
        var availability = grid.addColumn(WaitingCase::availability).setHeader("Availability").setWidth("6rem")
                .setFlexGrow(1);
        columns.arrange(List.of(caseColumn, clients, waiting, offers, waitsFor.column(), availability),
                () -> columns.addCardComponentColumn(this::card).setHeader("Cases").setKey("card"));
    }

    /** As if the window were this wide: one card a case up to a phone's width, else the six columns. */
    void fitTo(int windowWidth) {
        columns.fitTo(windowWidth);
    }

    /** Sizes the "Waits for" column for the choices these rows and the practice's therapists make. */
    void fit(List<WaitingCase> rows) {
        waitsFor.fit(rows);
    }

    /**
     * A case on a phone, in the order the practice reads it: reference and urgency, the names in full, the service,
     * how long and since when, the days and times that suit them, the offer with its button, then what the client
     * waits for.
     */
    private Div card(WaitingCase c) {
        var reference = new Span(c.reference());
        reference.addClassNames("phone-card-heading", "nowrap");
        var heading = new Div(reference);
        heading.addClassName("waitlist-card-heading");
        if (c.urgent()) {
            var urgent = new Span("Urgent");
            urgent.getElement().getThemeList().addAll(List.of("badge", "error", "small"));
            heading.add(urgent);
        }
        var clients = new Div(c.clients());
        clients.addClassName("waitlist-clients");
        var service = new Div(c.service().label());
        service.addClassName("queue-card-line");
        var waited = new Div(waited(c));
        waited.addClassName("queue-card-line");
        // the days and times that suit them, as the wide list's Availability column: whom to offer an evening to
        var available = new Div("Available: " + c.availability());
        available.addClassNames("queue-card-line", "waitlist-availability");
        // named, as the wide list's heading names the column: "Either · anyone" alone does not say what it is
        var waitsForLabel = new Span("Waits for");
        waitsForLabel.addClassName("queue-card-line");
        var waitsForLine = new Div(waitsForLabel, waitsFor.button(c));
        waitsForLine.addClassName("waitlist-card-waits-for");
        var card = new Div(heading, clients, service, waited, available, offerCell(c), waitsForLine);
        card.addClassNames("queue-card", "waitlist-card");
        return card;
    }

    /** "Waiting 3 weeks · since 3 Mar 2026"; on its first day "Waiting since today, 3 Mar 2026". */
    static String waited(WaitingCase c) {
        String since = WaitlistView.ADDED.format(c.addedAt());
        return c.waited() == null || c.waited().toDays() < 1 ? "Waiting since today, " + since
                : "Waiting " + WaitlistService.inWords(c.waited()) + " · since " + since;
    }

    /** Where the offer stands, and the button that makes one. */
    private Div offerCell(WaitingCase c) {
        var state = new Span(c.offerLabel());
        state.addClassName("offer-state");
        var button = new Button("Offer times", click -> offer.accept(c));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setId("offer-" + c.reference());
        var cell = new Div(state, button);
        cell.addClassName("offer-cell");
        return cell;
    }
}
