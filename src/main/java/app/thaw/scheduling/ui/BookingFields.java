package app.thaw.scheduling.ui;

import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.RequestedType;
import app.thaw.scheduling.DiarySetupService.RoomView;
import app.thaw.scheduling.DiarySetupService.TypeView;
import app.thaw.scheduling.Recurrence;
import app.thaw.scheduling.CaseToBook;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffSummary;

/** The booking form's choices: kind of session, therapist, format and room, repetition. */
class BookingFields {

    static final String ROOM_NEEDED = "Choose a room for an in-person session.";

    enum Repeat {
        NONE("Does not repeat"), WEEKLY("Weekly"), FORTNIGHTLY("Fortnightly");

        final String label;

        Repeat(String label) {
            this.label = label;
        }
    }

    private final Select<TypeView> type = new Select<>();
    private final Select<StaffSummary> therapist = new Select<>();
    private final RadioButtonGroup<SessionFormat> format = new RadioButtonGroup<>("Format");
    private final Select<RoomView> room = new Select<>();
    private final Select<Repeat> repeat = new Select<>();
    private final IntegerField count = new IntegerField("Number of sessions");

    BookingFields(DiaryContext diary, @Nullable Long therapistId) {
        type.setLabel("Kind of session");
        List<TypeView> types = diary.setup().types();
        type.setItems(types);
        type.setItemLabelGenerator(t -> t.label() + " · " + t.defaultMinutes() + " min");
        types.stream().filter(t -> t.code().equals("INDIVIDUAL")).findFirst()
                .or(() -> types.stream().findFirst()).ifPresent(type::setValue);
        type.setManualValidation(true);

        therapist.setLabel("Therapist");
        therapist.setItemLabelGenerator(StaffSummary::displayName);
        therapist.setManualValidation(true);
        List<StaffSummary> therapists = diary.staff().activeTherapists();
        if (diary.me().isAdmin()) {
            therapist.setItems(therapists);
            therapists.stream().filter(t -> therapistId != null && t.id() == therapistId).findFirst()
                    .ifPresent(therapist::setValue);
        } else {
            List<StaffSummary> me = therapists.stream().filter(t -> t.id() == diary.me().id()).toList();
            therapist.setItems(me);
            me.stream().findFirst().ifPresent(therapist::setValue);
            therapist.setReadOnly(true);
        }

        format.setItems(SessionFormat.values());
        format.setItemLabelGenerator(SessionFormat::label);
        format.setValue(SessionFormat.IN_PERSON);
        format.addValueChangeListener(change -> roomForFormat());

        room.setLabel("Room");
        room.setItems(diary.setup().rooms().stream().filter(RoomView::active).toList());
        room.setItemLabelGenerator(RoomView::name);
        room.setEmptySelectionAllowed(false);
        room.setManualValidation(true);
        room.addValueChangeListener(change -> room.setInvalid(false));

        repeat.setLabel("Repeat");
        repeat.setItems(Repeat.values());
        repeat.setItemLabelGenerator(r -> r.label);
        repeat.setValue(Repeat.NONE);
        count.setMin(2);
        count.setMax(Recurrence.MAX_OCCURRENCES);
        count.setStepButtonsVisible(true);
        count.setValue(6);
        count.setManualValidation(true);
        count.setVisible(false);
        repeat.addValueChangeListener(change -> count.setVisible(change.getValue() != Repeat.NONE));
    }

    void addTo(FormLayout form) {
        form.add(type, therapist, format, room);
    }

    Select<Repeat> repeat() {
        return repeat;
    }

    IntegerField count() {
        return count;
    }

    void onTypeChange(Runnable listener) {
        type.addValueChangeListener(change -> listener.run());
    }

    /** A couples case with both partners gets a couples session; the format the client preferred. */
    void defaultsFor(CaseToBook bookingCase) {
        if (bookingCase.client().requestedType() == RequestedType.COUPLES && bookingCase.partner() != null) {
            type.getListDataView().getItems().filter(TypeView::couples).findFirst().ifPresent(type::setValue);
        }
        format.setValue("online".equals(bookingCase.client().preferredFormat()) ? SessionFormat.ONLINE
                : SessionFormat.IN_PERSON);
    }

    /** Says who comes to a couples session, or why it can't be booked yet. */
    void partnerNote(@Nullable CaseToBook bookingCase) {
        TypeView chosen = type.getValue();
        if (chosen == null || !chosen.couples() || bookingCase == null) {
            type.setHelperText(chosen == null ? null : "Lasts " + chosen.defaultMinutes() + " minutes");
            type.setInvalid(false);
            return;
        }
        boolean partner = bookingCase.partner() != null;
        type.setHelperText(partner ? "With both partners: " + bookingCase.client().fullName() + " and "
                + Objects.requireNonNull(bookingCase.partner()).fullName() : null);
        type.setErrorMessage(partner ? null
                : "This case has no partner form yet; a couples session needs both partners.");
        type.setInvalid(!partner);
    }

    @Nullable Long partnerFor(CaseToBook bookingCase) {
        return type.getValue() != null && type.getValue().couples() ? bookingCase.partnerIntakeId() : null;
    }

    boolean validForSearch() {
        boolean valid = true;
        if (type.getValue() == null) {
            type.setErrorMessage("Choose a kind of session.");
            type.setInvalid(true);
            valid = false;
        }
        if (therapist.getValue() == null) {
            therapist.setErrorMessage("Choose a therapist.");
            therapist.setInvalid(true);
            valid = false;
        } else {
            therapist.setInvalid(false);
        }
        return valid && !type.isInvalid();
    }

    boolean validForBooking() {
        boolean valid = validForSearch();
        if (format() == SessionFormat.IN_PERSON && room.getValue() == null) {
            room.setErrorMessage(ROOM_NEEDED);
            room.setInvalid(true);
            valid = false;
        }
        Integer n = count.getValue();
        if (repeat.getValue() != Repeat.NONE && (n == null || n < 2 || n > Recurrence.MAX_OCCURRENCES)) {
            count.setErrorMessage("Between 2 and " + Recurrence.MAX_OCCURRENCES + " sessions.");
            count.setInvalid(true);
            valid = false;
        } else {
            count.setInvalid(false);
        }
        return valid;
    }

    long therapistId() {
        return therapist.getValue().id();
    }

    long typeId() {
        return type.getValue().id();
    }

    SessionFormat format() {
        return format.getValue() == null ? SessionFormat.IN_PERSON : format.getValue();
    }

    @Nullable Long roomId() {
        return room.getValue() == null ? null : room.getValue().id();
    }

    void room(@Nullable Long roomId) {
        room.getListDataView().getItems().filter(r -> roomId != null && r.id() == roomId).findFirst()
                .ifPresent(room::setValue);
    }

    /** Weekly or fortnightly for the chosen number of sessions, or null for one session. */
    @Nullable Recurrence recurrence() {
        return repeat.getValue() == Repeat.NONE ? null
                : new Recurrence(repeat.getValue() == Repeat.FORTNIGHTLY, count.getValue(), null);
    }

    /** After a series, the clashes are booked one at a time. */
    void singleOnly() {
        repeat.setValue(Repeat.NONE);
    }

    private void roomForFormat() {
        boolean inPerson = format() == SessionFormat.IN_PERSON;
        room.setEnabled(inPerson);
        room.setInvalid(false);
        if (!inPerson) {
            room.clear();
        }
    }
}
