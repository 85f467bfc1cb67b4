package app.thaw.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionView;
import app.thaw.security.StaffSummary;
import app.thaw.base.ui.Toasts;

/**
 * The practice manager gives a session to another therapist at the same time and place. The service checks the new
 * therapist's diary (hours, time away, other sessions); the clients are told who they will see.
 */
class ChangeTherapistForm extends Div {

    ChangeTherapistForm(DiaryContext diary, SessionView session, Runnable onChanged) {
        addClassName("session-form");
        var therapist = new Select<StaffSummary>();
        therapist.setLabel("New therapist");
        therapist.setItems(diary.staff().activeTherapists().stream().filter(t -> t.id() != session.therapistId())
                .toList());
        therapist.setItemLabelGenerator(StaffSummary::displayName);
        var problem = new Span();
        problem.addClassName("dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        var override = new OverrideReason();
        var give = new Button("Give to this therapist");
        give.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        give.setDisableOnClick(true);
        give.addClickListener(click -> {
            try {
                problem.setText("");
                if (therapist.getValue() == null) {
                    problem.setText("Choose the therapist who will see the client.");
                    return;
                }
                switch (diary.changes().changeTherapist(AppointmentId.of(session.id()),
                        StaffId.of(therapist.getValue().id()), override.value())) {
                    case BookingResult.Booked done -> {
                        Toasts.success(session.clients() + " will see " + done.session().therapistName() + ", "
                                + DiaryFormat.when(done.session()) + ". The clients are told.");
                        onChanged.run();
                    }
                    case BookingResult.Unavailable unavailable -> {
                        problem.setText(unavailable.message() + (unavailable.overridable()
                                ? " Give a reason below to give it to them anyway." : ""));
                        override.offer(unavailable);
                    }
                    case BookingResult.Conflict conflict -> problem.setText(conflict.message());
                    case BookingResult.Invalid invalid -> problem.setText(invalid.message());
                    case BookingResult.Blocked blocked -> problem.setText(blocked.refusal().message());
                }
            } finally {
                give.setEnabled(true);
            }
        });
        add(new H3("Another therapist"), therapist, problem, override, give);
    }
}
