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

import org.jspecify.annotations.Nullable;

/**
 * The client's coming sessions, each with "move" (to a free time, at once) or "ask to rearrange" (a request when the
 * practice must decide: a joint session, or one inside the notice period), and "cancel" (at once, said to be late
 * inside the notice period before the client confirms; a request for a joint session).
 */
class ClientSessionsPanel extends Div {

    private static final DateTimeFormatter WHEN = PracticeTime.LONG_DAY_TIME;
    private static final DateTimeFormatter UNTIL = PracticeTime.TIME;

    /** Sends the client's request; returns what happens next, or throws with a message for the field. */
    interface Requester {
        String request(ClientAppointments.Session session, boolean cancel, String message);

        /** The status page's free times and move for one session; null where moving isn't offered. */
        default MoveSessionDialog.@Nullable Diary mover(ClientAppointments.Session session) {
            return null;
        }

        /** Draws the page again with what happened said first. */
        default void moved(String outcome) {
        }
    }

    private final Requester requester;

    private final long noticeHours;

    ClientSessionsPanel(List<ClientAppointments.Session> sessions, Requester requester) {
        this(sessions, requester, 48);
    }

    ClientSessionsPanel(List<ClientAppointments.Session> sessions, Requester requester, long noticeHours) {
        this.requester = requester;
        this.noticeHours = noticeHours;
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
        var actions = new Div();
        MoveSessionDialog.Diary mover = session.movableOnline() ? requester.mover(session) : null;
        if (mover != null) {
            var move = new Button("Move to another time", click -> new MoveSessionDialog(session, mover,
                    requester::moved).open());
            move.addClassName("move-session-button");
            actions.add(move);
        }
        var rearrange = new Button(mover != null ? "Ask the practice instead" : "Ask to rearrange",
                click -> ask(session, false));
        rearrange.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        actions.add(cancel, rearrange);
        actions.addClassName("client-session-actions");
        block.add(actions);
        if (session.joint()) {
            block.add(new Paragraph("This is a session with your partner, so cancelling or rearranging sends a "
                    + "request to the practice, who will contact you first."));
        } else if (session.late()) {
            block.add(new Paragraph("This session is less than " + noticeHours + " hours away: it can't be moved "
                    + "online (ask the practice to rearrange it), and cancelling now counts as a late cancellation, "
                    + "which may be charged."));
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
        if (cancel && session.late() && !session.joint()) {
            // said before the client confirms, not after
            var late = new Paragraph("This session is less than " + noticeHours + " hours away, so cancelling now "
                    + "is recorded as a late cancellation, which the practice may charge for.");
            late.addClassName("late-warning");
            late.getElement().setAttribute("role", "alert");
            dialog.add(late);
        }
        boolean lateCancel = cancel && session.late() && !session.joint();
        var send = new Button(!cancel ? "Send request" : session.joint() ? "Send the request"
                : lateCancel ? "Cancel late" : "Cancel the session", click -> {
            try {
                requester.request(session, cancel, message.getValue());
                dialog.close();
            } catch (IllegalArgumentException refused) {
                message.setInvalid(true);
                message.setErrorMessage(refused.getMessage());
                click.getSource().setEnabled(true);
            }
        });
        // a phone's double tap sent the request twice: the second tap finds the button already disabled
        send.setDisableOnClick(true);
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(message);
        dialog.getFooter().add(new Button("Keep the session", click -> dialog.close()), send);
        dialog.open();
    }
}
