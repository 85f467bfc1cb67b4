package app.thaw.scheduling.ui;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

import app.thaw.base.ui.UkPickers;
import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.DiarySetupService.RoomView;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionView;
import app.thaw.base.ui.Toasts;

/** Moves a session to another time (and room); a clash, time away or closed day is explained beside the time. */
class RescheduleForm extends Div {

    private final DateTimePicker start = UkPickers.dateTime("New date and time");
    private final Select<RoomView> room = new Select<>();
    private final Span problem = new Span();
    private final OverrideReason override = new OverrideReason();

    RescheduleForm(DiaryContext diary, SessionView session, Runnable onMoved) {
        addClassName("session-form");
        start.setMin(diary.now().withSecond(0).withNano(0));
        start.setManualValidation(true);
        start.setValue(session.start().toLocalDateTime());
        problem.addClassName("dialog-problem");
        problem.getElement().setAttribute("role", "alert");
        add(new H3("Reschedule"), start);
        if (session.format() == SessionFormat.IN_PERSON) {
            room.setLabel("Room");
            room.setItems(diary.setup().rooms().stream().filter(r -> r.active() || r.id() == roomOf(session)).toList());
            room.setItemLabelGenerator(RoomView::name);
            room.getListDataView().getItems().filter(r -> r.id() == roomOf(session)).findFirst()
                    .ifPresent(room::setValue);
            add(room);
        }
        add(problem, override);
        var move = new Button("Move session");
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        move.setDisableOnClick(true);
        move.addClickListener(click -> {
            try {
                move(diary, session, onMoved);
            } finally {
                move.setEnabled(true);
            }
        });
        add(move);
    }

    private void move(DiaryContext diary, SessionView session, Runnable onMoved) {
        problem.setText("");
        if (start.getValue() == null) {
            problem.setText(UkPickers.unreadableMessage(start).orElse("Choose the new date and time."));
            return;
        }
        RoomId roomId = room.getValue() == null ? null : RoomId.of(room.getValue().id());
        if (session.format() == SessionFormat.IN_PERSON && roomId == null) {
            problem.setText(BookingFields.ROOM_NEEDED);
            return;
        }
        switch (diary.changes().reschedule(AppointmentId.of(session.id()), DiaryContext.uk(start.getValue()), roomId,
                override.value())) {
            case BookingResult.Booked moved -> {
                Toasts.success("Moved to " + DiaryFormat.when(moved.session()) + ". The clients are told.");
                onMoved.run();
            }
            case BookingResult.Conflict conflict -> problem.setText(conflict.message());
            case BookingResult.Invalid invalid -> problem.setText(invalid.message());
            case BookingResult.Unavailable unavailable -> {
                problem.setText(unavailable.message() + (unavailable.overridable()
                        ? " Give a reason below to move it there anyway." : " Choose another time."));
                override.offer(unavailable);
            }
            case BookingResult.Blocked blocked -> problem.setText(blocked.refusal().message());
        }
    }

    private static long roomOf(SessionView session) {
        return session.roomId() == null ? -1 : session.roomId();
    }
}
