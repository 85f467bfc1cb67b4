package app.thaw.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.base.ids.AppointmentId;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.SessionView;
import app.thaw.base.ui.Toasts;

/**
 * One session: who, when, where, and the way to its case for the therapists the policy lets in; reschedule, cancel,
 * another therapist (practice manager); once it has started, attended or did not attend, and the session note.
 */
class SessionDialog extends Dialog {

    private final DiaryContext diary;
    private final SessionView session;
    private final Runnable onChange;
    private final Div form = new Div();
    private final java.util.List<Button> toggles = new java.util.ArrayList<>();

    SessionDialog(DiaryContext diary, SessionView session, Runnable onChange) {
        this.diary = diary;
        this.session = session;
        this.onChange = onChange;
        addClassName("session-dialog");
        setHeaderTitle(session.clients());
        setWidth("min(36rem, 100vw)");

        var details = new DescriptionList();
        details.addClassName("session-details");
        item(details, "When", DiaryFormat.LONG_DAY.format(session.start()) + ", "
                + DiaryFormat.TIME.format(session.start()) + "–" + DiaryFormat.TIME.format(session.end()));
        item(details, "Session", session.typeLabel());
        item(details, "Where", DiaryFormat.where(session));
        item(details, "Therapist", session.therapistName());
        item(details, "Case", session.clientReference());
        item(details, "State", session.state().label());
        add(details);
        if (diary.me().isTherapist()) {
            // the therapist a client is booked with may read the case, whoever it is assigned to
            var open = new Anchor("staff/cases/" + session.clientReference(), "Open the case");
            open.addClassName("open-case-link");
            add(open);
        }
        if (session.changeRequested()) {
            var note = new Paragraph("The client asked to change this session: see ");
            note.add(new Anchor("staff/requests", "Client requests"), new Text("."));
            note.addClassName("session-change-note");
            add(note);
        }
        add(form);
        boolean started = !session.start().toLocalDateTime().isAfter(diary.now());
        if (diary.me().isTherapist() && session.state() != AppointmentState.CANCELLED && started) {
            add(new SessionNotePanel(diary, session));
        }

        var close = new Button("Close", click -> close());
        getFooter().add(close);
        if (session.state() != AppointmentState.CANCELLED && started) {
            getFooter().add(outcome("Mark attended", AppointmentState.ATTENDED),
                    outcome("Did not attend", AppointmentState.NO_SHOW));
        }
        if (session.state() == AppointmentState.BOOKED) {
            getFooter().add(toggle("Cancel session", () -> new CancelForm(diary, session, this::changed)),
                    toggle("Reschedule", () -> new RescheduleForm(diary, session, this::changed)));
            if (diary.me().isAdmin() && !started) {
                getFooter().add(toggle("Another therapist", () -> new ChangeTherapistForm(diary, session,
                        this::changed)));
            }
        }
    }

    private Button outcome(String text, AppointmentState outcome) {
        var button = new Button(text, click -> {
            try {
                diary.changes().recordOutcome(AppointmentId.of(session.id()), outcome);
                Toasts.success(session.clients() + ": " + outcome.label().toLowerCase(java.util.Locale.UK) + ".");
                changed();
            } catch (IllegalArgumentException refused) {
                Toasts.problem(refused.getMessage());
            }
        });
        button.setEnabled(session.state() != outcome);
        return button;
    }

    /** Opens the form below the details; a second click closes it again. */
    private Button toggle(String text, java.util.function.Supplier<Component> content) {
        var button = new Button(text);
        button.addClickListener(click -> {
            boolean open = button.hasThemeName(ButtonVariant.LUMO_CONTRAST.getVariantName());
            form.removeAll();
            toggles.forEach(other -> other.removeThemeVariants(ButtonVariant.LUMO_CONTRAST));
            if (!open) {
                form.add(content.get());
                button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            }
        });
        toggles.add(button);
        return button;
    }

    private void changed() {
        onChange.run();
        close();
    }

    private static void item(DescriptionList list, String term, String description) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
    }
}
