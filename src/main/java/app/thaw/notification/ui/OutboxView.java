package app.thaw.notification.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.OutboxMessageId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.PhoneCard;
import app.thaw.base.ui.PhoneColumns;
import app.thaw.base.ui.WrappingCell;
import app.thaw.notification.Outbox;
import app.thaw.notification.OutboxMessage;
import app.thaw.notification.OutboxStatus;
import app.thaw.security.Roles;

/** Every email the practice sent, is sending or keeps back, for the practice manager. Never clinical content. */
@Route(value = "staff/admin/outbox", layout = MainLayout.class)
@PageTitle("Outbox · Thaw")
@Menu(order = 95, title = "Outbox", icon = "vaadin:envelope")
@RolesAllowed(Roles.ADMIN)
public class OutboxView extends VerticalLayout {

    private static final DateTimeFormatter TIME = PracticeTime.DATE_COMMA_TIME;

    private final Outbox outbox;
    private final Select<OutboxStatus> status = new Select<>();
    private final Grid<OutboxMessage> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Div detail = new Div();
    private final PhoneColumns<OutboxMessage> columns;

    public OutboxView(Outbox outbox) {
        this.outbox = outbox;
        setSizeFull();
        var mode = new Paragraph(outbox.deliveryConfigured()
                ? "Emails go out through the mail server. One that cannot be delivered is retried for some hours, "
                        + "then shows as Failed."
                : "No mail server is configured, so emails are kept here as Captured and are not sent.");

        status.setLabel("Show");
        status.setItems(OutboxStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All messages");
        status.setItemLabelGenerator(value -> value == null ? "All messages" : value.label());
        status.addValueChangeListener(change -> refresh());

        // the subject says what each email is, wrapped whole ("Your appointment on W…" hid confirmed, moved or
        // cancelled on a tablet): it takes the room the short columns don't need; an address wraps at
        // its "@" (at its own width a long one ran a tablet's row past 734 px); on a phone one column of cards, the
        // six side by side ran past its edge
        columns = new PhoneColumns<>(grid, List.of(
                grid.addColumn(WrappingCell.email(OutboxMessage::recipient)).setHeader("To").setWidth("9.5rem")
                        .setFlexGrow(1),
                grid.addColumn(WrappingCell.of(OutboxMessage::subject)).setHeader("Subject").setWidth("12rem")
                        .setFlexGrow(2),
                grid.addColumn(message -> message.status().label()).setHeader("Status").setAutoWidth(true)
                        .setFlexGrow(0),
                grid.addColumn(OutboxMessage::attempts).setHeader("Attempts").setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(message -> message.status() == OutboxStatus.PENDING ? time(message.nextAttemptAt())
                        : "").setHeader("Next try").setAutoWidth(true).setFlexGrow(0),
                grid.addColumn(message -> time(message.createdAt())).setHeader("Created").setAutoWidth(true)
                        .setFlexGrow(0)),
                () -> grid.addComponentColumn(message -> PhoneCard.of(message.subject(), message.recipient() + " · "
                        + message.status().label() + " · " + time(message.createdAt()))).setHeader("Emails"));
        grid.setAriaLabel("Outgoing emails");
        grid.addClassName("log-grid");
        grid.setItems(query -> outbox.list(status.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> outbox.count(status.getValue()));
        grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));

        detail.addClassName("outbox-detail");
        add(new H2("Outbox"), mode, summary, status, grid, detail);
        setFlexGrow(1, grid);
        updateSummary();
    }

    /** One column of cards up to a phone's width, else the six columns. */
    void fitTo(int windowWidth) {
        columns.fitTo(windowWidth);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateSummary();
        show(null);
    }

    private void updateSummary() {
        Map<OutboxStatus, Integer> counts = outbox.countsByStatus();
        summary.setText(counts.isEmpty() ? "No emails yet."
                : counts.entrySet().stream()
                        .map(entry -> entry.getValue() + " " + entry.getKey().label().toLowerCase(Locale.UK))
                        .collect(Collectors.joining(" · ")));
    }

    private void show(@Nullable OutboxMessage message) {
        detail.removeAll();
        if (message == null) {
            return;
        }
        var heading = new H3(message.subject());
        var facts = new Paragraph("To " + message.recipient() + " · " + message.kind().label() + " · "
                + message.status().label() + (message.sentAt() == null ? "" : " " + time(message.sentAt()))
                + (message.hasCalendarInvite() ? " · with calendar invitation" : ""));
        var body = new Pre(outbox.body(OutboxMessageId.of(message.id())).orElse(""));
        body.setId("outbox-body");
        detail.add(heading, facts);
        if (message.lastError() != null) {
            detail.add(new Paragraph("Last problem: " + message.lastError()));
        }
        detail.add(body);
        boolean canResend = message.status() == OutboxStatus.FAILED
                || message.status() == OutboxStatus.CAPTURED && outbox.deliveryConfigured();
        if (canResend) {
            var again = new Button("Send again", click -> {
                if (outbox.sendAgain(OutboxMessageId.of(message.id()))) {
                    Notification.show("Queued to send again", 3000, Notification.Position.BOTTOM_START);
                }
                refresh();
            });
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            detail.add(new HorizontalLayout(again));
        }
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
