package app.thaw.intake.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import app.thaw.base.PracticeTime;
import app.thaw.intake.ClientAppointments;

/** The client's coming sessions, each with "cancel" or "rearrange" (a request when the practice must decide). */
class ClientSessionsPanel extends Div {

    private static final DateTimeFormatter WHEN = PracticeTime.LONG_DAY_TIME;
    private static final DateTimeFormatter UNTIL = PracticeTime.TIME;

    /** Sends the client's request; returns what happens next, or throws with a message for the field. */
    interface Requester {
        String request(ClientAppointments.Session session, boolean cancel, String message);
    }

    private final Requester requester;

    ClientSessionsPanel(List<ClientAppointments.Session> sessions, Requester requester) {
        this.requester = requester;
        addClassName("client-sessions");
        if (sessions.isEmpty()) {
            add(new Paragraph("When we book a session, it will appear here."));
        }
        sessions.forEach(session -> add(block(session)));
    }

    private Div block(ClientAppointments.Session session) {
        var block = new Div(new H3(WHEN.format(session.start()) + "–" + UNTIL.format(session.end())),
                new Paragraph(session.label() + " with " + session.therapistName() + " · " + session.where()));
        block.addClassName("client-session");
        if (session.changeRequested()) {
            block.add(new Paragraph("You've asked to change this session; the practice will contact you."));
            return block;
        }
        var cancel = new Button("Cancel this session", click -> ask(session, true));
        var rearrange = new Button("Ask to rearrange", click -> ask(session, false));
        rearrange.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var actions = new Div(cancel, rearrange);
        actions.addClassName("client-session-actions");
        block.add(actions);
        if (session.joint()) {
            block.add(new Paragraph("This is a session with your partner, so cancelling or rearranging sends a "
                    + "request to the practice, who will contact you first."));
        } else if (!session.cancellableOnline()) {
            block.add(new Paragraph("This session is too soon to cancel online: cancelling sends a request to the "
                    + "practice, and a late cancellation may be charged."));
        }
        return block;
    }

    private void ask(ClientAppointments.Session session, boolean cancel) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(cancel ? "Cancel this session?" : "Ask to rearrange");
        var message = new TextArea(cancel ? "Anything you'd like us to know (optional)" : "Which days or times suit you?");
        message.setWidthFull();
        var count = CharacterCount.attach(message, ClientAppointments.MESSAGE_MAX);
        message.setHelperComponent(count);
        var send = new Button(cancel ? "Cancel the session" : "Send request", click -> {
            try {
                requester.request(session, cancel, message.getValue());
                dialog.close();
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
