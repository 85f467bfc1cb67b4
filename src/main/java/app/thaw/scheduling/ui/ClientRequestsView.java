package app.thaw.scheduling.ui;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ids.RequestId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.PhoneColumns;
import app.thaw.scheduling.ClientChangeRequest;
import app.thaw.scheduling.ClientRequestService;
import app.thaw.scheduling.SessionView;
import app.thaw.security.Roles;
import app.thaw.base.ui.Toasts;

/**
 * Clients' requests from their status pages to cancel or rearrange a session, oldest first, until handled (or until the
 * change asked for is made: the request then closes itself). The case's therapists read the client's whole message.
 */
@Route(value = "staff/requests", layout = MainLayout.class)
@PageTitle("Client requests · Thaw")
@Menu(order = 12, title = "Client requests", icon = "vaadin:envelope-open")
@RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
public class ClientRequestsView extends VerticalLayout {

    private static final DateTimeFormatter RECEIVED = PracticeTime.DAY_TIME;

    private final ClientRequestService requests;
    private final Grid<ClientChangeRequest> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("No open requests from clients.");
    private final PhoneColumns<ClientChangeRequest> columns;

    public ClientRequestsView(ClientRequestService requests) {
        this.requests = requests;
        addClassName("client-requests");
        setSizeFull();
        grid.setAriaLabel("Open client requests");
        // a request's buttons are made where they show, the card or the columns
        columns = new PhoneColumns<>(grid);
        columns.arrange(List.of(
                grid.addColumn(r -> RECEIVED.format(r.createdAt())).setHeader("Received").setAutoWidth(true)
                        .setFlexGrow(0),
                // the buttons under what the request asks, early in the row: at the end a tablet scrolled them away
                columns.addWideComponentColumn(this::asksAndActions).setHeader("Asks to")
                        .setAutoWidth(true)
                        .setFlexGrow(0),
                columns.addWideComponentColumn(r -> session(r.session())).setHeader("Session")
                        .setWidth("16rem")
                        .setFlexGrow(3),
                // the client's words take the larger share of the room left (they ran a word a line)
                grid.addColumn(ClientRequestsView::message).setHeader("Message").setWidth("10rem").setFlexGrow(4)
                        .setKey("message")),
                () -> columns.addCardComponentColumn(this::card).setHeader("Requests"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        // the client's whole message, however long: cells wrap instead of cutting it off
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        empty.addClassName("panel-note");
        add(new H2("Client requests"), empty, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    /**
     * As if the window were this wide: on a phone each request is one card (five columns ran past the screen's
     * edge, the buttons last of all).
     */
    void fitTo(int windowWidth) {
        columns.fitTo(windowWidth);
    }

    /** A request on a phone: what is asked and when, the session, the client's words, then the buttons. */
    private Div card(ClientChangeRequest request) {
        var asks = new Span(asksTo(request) + " · received " + RECEIVED.format(request.createdAt()));
        asks.addClassName("request-asks");
        var buttons = actions(request);
        buttons.setWrap(true);
        var card = new Div(asks, session(request.session()));
        if (request.messageWithheld() || request.message() != null) {
            card.add(new Span(message(request)));
        }
        card.add(buttons);
        card.addClassName("request-card");
        return card;
    }

    private Div asksAndActions(ClientChangeRequest request) {
        var buttons = actions(request);
        buttons.addClassName("request-actions-stacked");
        var cell = new Div(new Span(asksTo(request)), buttons);
        cell.addClassName("request-asks-cell");
        return cell;
    }

    private static String asksTo(ClientChangeRequest request) {
        return (request.cancel() ? "Cancel" : "Rearrange") + (request.late() ? " (late)" : "");
    }

    private static Div session(SessionView session) {
        var when = new Span(DiaryFormat.when(session));
        when.addClassName("request-when");
        var who = new Span(session.clients() + " (" + session.clientReference() + ") · " + session.typeLabel() + " · "
                + DiaryFormat.where(session) + " · " + session.therapistName());
        var cell = new Div(when, who);
        cell.addClassName("request-session");
        return cell;
    }

    private HorizontalLayout actions(ClientChangeRequest request) {
        var open = new Button("Open in diary", click -> {
            SessionView session = request.session();
            Map<String, String> query = new LinkedHashMap<>();
            query.put("date", session.start().toLocalDate().toString());
            query.put("therapist", String.valueOf(session.therapistId()));
            query.put("session", String.valueOf(session.id()));
            UI.getCurrent().navigate(CalendarView.class, QueryParameters.simple(query));
        });
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var handled = new Button("Mark handled", click -> {
            try {
                requests.markHandled(RequestId.of(request.requestId()));
                Toasts.success("Marked as handled.");
            } catch (IllegalArgumentException gone) {
                Toasts.problem(gone.getMessage());
            }
            refresh();
        });
        handled.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return new HorizontalLayout(open, handled);
    }

    /** The client's own words go to their therapist only: they may say why, and why can be clinical. */
    private static String message(ClientChangeRequest request) {
        if (request.messageWithheld()) {
            return "Message for the therapist only";
        }
        return request.message() == null ? "—" : request.message();
    }

    private void refresh() {
        var open = requests.open();
        grid.setItems(open);
        grid.setVisible(!open.isEmpty());
        empty.setVisible(open.isEmpty());
    }
}
