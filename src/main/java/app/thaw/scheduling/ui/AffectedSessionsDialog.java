package app.thaw.scheduling.ui;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import app.thaw.base.ids.TimeAwayId;
import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SessionView;

/**
 * The sessions booked inside new time away, each to move (another time or, for the practice manager, another
 * therapist) or cancel; the clients are told either way. Closing leaves the rest as they are, listed again from the
 * time away.
 */
class AffectedSessionsDialog extends Dialog {

    private final DiaryContext diary;
    private final Supplier<List<SessionView>> reload;
    private final String cancelReason;
    private final Runnable onChange;
    private final Div rows = new Div();

    AffectedSessionsDialog(DiaryContext diary, LeaveService.AwayView away, List<SessionView> sessions,
                           Runnable onChange) {
        this(diary, "Sessions during this time away", away.describe(), sessions,
                () -> diary.leave().sessionsDuring(StaffId.of(away.therapistId()), TimeAwayId.of(away.id())),
                "Therapist unavailable (" + away.reason().label().toLowerCase(java.util.Locale.UK) + ")", onChange);
    }

    AffectedSessionsDialog(DiaryContext diary, String title, String what, List<SessionView> sessions,
                           Supplier<List<SessionView>> reload, String cancelReason, Runnable onChange) {
        this.diary = diary;
        this.reload = reload;
        this.cancelReason = cancelReason;
        this.onChange = onChange;
        addClassName("affected-sessions-dialog");
        setHeaderTitle(title);
        setWidth("min(44rem, 100vw)");
        add(new Paragraph(what + ": " + sessions.size() + (sessions.size() == 1 ? " session is" :
                " sessions are") + " booked then. Move or cancel each; the clients are told."), rows);
        getFooter().add(new Button("Close", click -> close()));
        render(sessions);
    }

    private void refresh() {
        onChange.run();
        render(reload.get());
    }

    private void render(List<SessionView> sessions) {
        rows.removeAll();
        if (sessions.isEmpty()) {
            var done = new Paragraph("Every session in this time away is dealt with.");
            done.addClassName("affected-done");
            done.getElement().setAttribute("role", "status");
            rows.add(done);
            return;
        }
        for (SessionView session : sessions) {
            rows.add(row(session));
        }
    }

    private Div row(SessionView session) {
        var row = new Div();
        row.addClassName("affected-session");
        var text = new Span(DiaryFormat.when(session) + " · " + session.clients() + " · " + session.typeLabel() + " · "
                + DiaryFormat.where(session));
        text.addClassName("affected-session-text");
        var form = new Div();
        form.addClassName("affected-session-form");
        var actions = new Div();
        actions.addClassName("affected-session-actions");
        actions.add(open(form, "Move…", () -> new RescheduleForm(diary, session, this::refresh)));
        if (diary.me().isAdmin()) {
            actions.add(open(form, "Another therapist…", () -> new ChangeTherapistForm(diary, session,
                    this::refresh)));
        }
        actions.add(open(form, "Cancel…", () -> new CancelForm(diary, session, cancelReason, this::refresh)));
        row.add(text, actions, form);
        return row;
    }

    private Button open(Div form, String label, Supplier<Component> content) {
        var button = new Button(label, click -> {
            form.removeAll();
            form.add(content.get());
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
