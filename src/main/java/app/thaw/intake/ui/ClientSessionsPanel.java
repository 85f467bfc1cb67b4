package app.thaw.intake.ui;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.intake.ClientAppointments;
import app.thaw.intake.IntakeService;

/** The client's coming sessions, each with "cancel" or "rearrange" (a request when it's too close to cancel). */
class ClientSessionsPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final IntakeService intake;
    private final String token;

    ClientSessionsPanel(IntakeService intake, String token) {
        this.intake = intake;
        this.token = token;
        addClassName("client-sessions");
        render(null);
    }

    private void render(String outcome) {
        removeAll();
        if (outcome != null) {
            var done = new Paragraph(outcome);
            done.addClassName("wizard-notice");
            done.getElement().setAttribute("role", "status");
            add(done);
        }
        // what came of the client's requests (open ones are shown with their session below)
        intake.requestUpdates(token).stream().filter(update -> !update.open()).forEach(update -> {
            var line = new Paragraph(update.text());
            line.addClassName("request-done");
            line.getElement().setAttribute("role", "status");
            add(line);
        });
        var sessions = intake.appointments(token);
        if (sessions.isEmpty()) {
            add(new Paragraph("No appointment is booked yet. When we book one, it will appear here and we will "
                    + "contact you the way you asked."));
            return;
        }
        for (ClientAppointments.Session session : sessions) {
            var block = new Div(new H3(WHEN.format(session.start()) + "–" + UNTIL.format(session.end())),
                    new Paragraph(session.label() + " with " + session.therapistName() + " · " + session.where()));
            block.addClassName("client-session");
            if (session.changeRequested()) {
                block.add(new Paragraph("You've asked to change this session; the practice will contact you."));
            } else {
                var cancel = new Button("Cancel this session", click -> ask(session, true));
                var rearrange = new Button("Ask to rearrange", click -> ask(session, false));
                rearrange.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                block.add(cancel, rearrange);
                if (!session.cancellableOnline()) {
                    block.add(new Paragraph("This session is less than 48 hours away: cancelling sends a request to "
                            + "the practice, and a late cancellation may be charged."));
                }
            }
            add(block);
        }
    }

    private void ask(ClientAppointments.Session session, boolean cancel) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(cancel ? "Cancel this session?" : "Ask to rearrange");
        var message = new TextArea(cancel ? "Anything you'd like us to know (optional)" : "Which days or times suit you?");
        message.setMaxLength(ClientAppointments.MESSAGE_MAX);
        message.setWidthFull();
        var send = new Button(cancel ? "Cancel the session" : "Send request", click -> {
            try {
                String outcome = intake.requestAppointmentChange(token, session.appointmentId(), cancel,
                        message.getValue());
                dialog.close();
                render(outcome);
            } catch (IllegalArgumentException refused) {
                message.setInvalid(true);
                message.setErrorMessage(refused.getMessage());
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(message);
        dialog.getFooter().add(new Button("Keep the session", click -> dialog.close()), send);
        dialog.open();
    }
}
