package app.thaw.scheduling.ui;

import java.time.LocalDateTime;
import java.util.Objects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ui.UkPickers;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.RoomId;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.CaseToBook;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.Recurrence;
import app.thaw.scheduling.SeriesResult;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SlotSuggestion;
import app.thaw.base.ui.Toasts;

/**
 * Books a session (or a weekly or fortnightly series) for a case found by its reference. Refusals from the
 * diary (a clash, a time in the past) appear beside the time; a double click books once.
 */
class BookSessionDialog extends Dialog {

    /** What the caller already knows: a case, a time (the clicked slot), a therapist (the diary shown). */
    record Prefill(@Nullable String reference, @Nullable LocalDateTime start, @Nullable Long therapistId) {
    }

    static final int FREE_DAYS = 28;

    private final DiaryContext diary;
    private final Runnable onBooked;
    private final TextField reference = new TextField("Case reference");
    private final BookingFields fields;
    private final DateTimePicker start = UkPickers.dateTime("Date and time");
    private final Span timeProblem = new Span();
    private final FreeTimes freeTimes = new FreeTimes(this::pick);
    private final SeriesClashes clashes = new SeriesClashes(this::moveClash);
    private final Button book = new Button("Book");
    private final GateNotice gate = new GateNotice();
    private final OverrideReason override = new OverrideReason();
    private @Nullable CaseToBook bookingCase;

    BookSessionDialog(DiaryContext diary, Prefill prefill, Runnable onBooked) {
        this.diary = diary;
        this.onBooked = onBooked;
        this.fields = new BookingFields(diary, prefill.therapistId());
        addClassName("book-session-dialog");
        setHeaderTitle("Book a session");
        setWidth("min(48rem, 100vw)");

        reference.setPlaceholder("e.g. THW-7K3M9Q");
        reference.setMaxLength(CaseReference.TYPED_MAX);
        reference.setManualValidation(true);
        reference.setClearButtonVisible(true);
        reference.addValueChangeListener(change -> resolveCase());
        start.setMin(diary.now().withSecond(0).withNano(0));
        start.setManualValidation(true);
        start.addValueChangeListener(change -> clearTimeProblem());
        timeProblem.addClassNames("dialog-problem", "time-problem");
        timeProblem.getElement().setAttribute("role", "alert");
        timeProblem.setVisible(false);
        var when = new Div(start, timeProblem, override);
        when.addClassName("book-when");
        var findFree = new Button("Find free times", click -> findFree());
        findFree.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.add(reference, 2);
        form.add(gate, 2);
        fields.addTo(form);
        form.add(when, 2);
        form.add(fields.repeat(), fields.count());
        var findFreeRow = new Div(findFree);
        findFreeRow.addClassName("find-free");
        form.add(findFreeRow, 2);
        form.add(freeTimes, 2);
        add(form, clashes);
        fields.onTypeChange(this::updatePartnerNote);

        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.setDisableOnClick(true);
        book.addClickListener(click -> book());
        var close = new Button("Close", click -> close());
        getFooter().add(close, book);

        if (prefill.start() != null) {
            start.setValue(prefill.start());
        }
        if (prefill.reference() != null) {
            reference.setValue(prefill.reference());
        }
    }

    private void resolveCase() {
        String text = reference.getValue().strip();
        bookingCase = text.isEmpty() ? null : diary.cases().find(text).orElse(null);
        reference.setInvalid(!text.isEmpty() && bookingCase == null);
        reference.setErrorMessage(reference.isInvalid() ? CaseNotFound.forReference(text) : null);
        reference.setHelperText(bookingCase == null ? null : bookingCase.describe());
        if (bookingCase != null) {
            fields.defaultsFor(bookingCase);
        }
        updatePartnerNote();
    }

    /** The partner note under the kind of session, and what a safety gate says about the kind chosen. */
    private void updatePartnerNote() {
        fields.partnerNote(bookingCase);
        gate.show(bookingCase == null ? null
                : fields.partnerFor(bookingCase) == null ? bookingCase.individualGate() : bookingCase.jointGate());
    }

    /** The case being booked, once {@link #requireCase()} has said there is one. */
    private CaseToBook caseToBook() {
        return Objects.requireNonNull(bookingCase, "requireCase() checked there is one");
    }

    private boolean requireCase() {
        if (bookingCase == null) {
            reference.setInvalid(true);
            reference.setErrorMessage(reference.getValue().isBlank() ? "Enter the case reference, e.g. THW-ABC123."
                    : CaseNotFound.forReference(reference.getValue()));
        }
        return bookingCase != null;
    }

    private void findFree() {
        boolean ready = requireCase() & fields.validForSearch();
        if (!ready) {
            return;
        }
        freeTimes.show(diary.freeSlots().find(IntakeId.of(caseToBook().client().intakeId()),
                IntakeId.ofNullable(fields.partnerFor(caseToBook())),
                StaffId.of(fields.therapistId()), SessionTypeId.of(fields.typeId()), fields.format(),
                RoomId.ofNullable(fields.roomId()), FREE_DAYS, 12),
                        FREE_DAYS);
    }

    private void pick(SlotSuggestion slot) {
        start.setValue(slot.start().toLocalDateTime());
        fields.room(slot.roomId());
    }

    private void moveClash(SeriesResult.Clash clash) {
        fields.singleOnly();
        start.setValue(clash.start().toLocalDateTime());
        showTimeProblem(clash.message() + " Choose another time for this one and book it.");
        start.focus();
    }

    private void book() {
        try {
            BookingRequest request = request();
            if (request == null) {
                return;
            }
            if (fields.recurrence() == null) {
                switch (diary.scheduling().book(request)) {
                    case BookingResult.Booked booked -> booked(booked);
                    case BookingResult.Conflict conflict -> showTimeProblem(conflict.message());
                    case BookingResult.Invalid invalid -> showTimeProblem(invalid.message());
                    case BookingResult.Unavailable unavailable -> {
                        showTimeProblem(unavailable.message() + (unavailable.overridable()
                                ? " Give a reason below to book it anyway." : " Choose another time."));
                        override.offer(unavailable);
                    }
                    case BookingResult.Blocked blocked -> gate.show(blocked.refusal());
                }
            } else {
                series(diary.scheduling().bookSeries(request, fields.recurrence()));
            }
        } finally {
            book.setEnabled(true);
        }
    }

    private @Nullable BookingRequest request() {
        clearTimeProblem();
        boolean valid = requireCase() & fields.validForBooking();
        if (start.getValue() == null) {
            showTimeProblem(UkPickers.unreadableMessage(start).orElse("Choose the date and time."));
            valid = false;
        }
        if (!valid) {
            return null;
        }
        return new BookingRequest(caseToBook().client().intakeId(), fields.partnerFor(caseToBook()),
                fields.therapistId(), fields.typeId(), fields.format(),
                fields.format() == SessionFormat.IN_PERSON ? fields.roomId() : null,
                DiaryContext.uk(start.getValue()), null, override.value());
    }

    private void booked(BookingResult.Booked booked) {
        override.reset();
        Toasts.success("Booked " + booked.session().clients() + ", " + DiaryFormat.when(booked.session()) + ".");
        onBooked.run();
        if (clashes.hasPending()) {
            clashes.movedOne();
        }
        if (!clashes.hasPending()) {
            close();
        }
    }

    private void series(SeriesResult result) {
        if (result.blocked() != null) {
            gate.show(result.blocked());
        }
        if (!result.booked().isEmpty()) {
            onBooked.run();
        }
        if (result.clashes().isEmpty() && result.blocked() == null) {
            Toasts.success("Booked " + result.booked().size() + " sessions, the first on "
                    + DiaryFormat.when(result.booked().getFirst()) + ".");
            close();
            return;
        }
        clashes.show(result);
        // focus scrolls the clashes into view and takes a screen reader there; element.focus() is in the strict
        // policy's function map (the booking journeys use it), scrollIntoView() was not
        clashes.getElement().callJsFunction("focus");
        fields.singleOnly();
    }

    private void showTimeProblem(String message) {
        timeProblem.setText(message);
        timeProblem.setVisible(true);
        start.setInvalid(true);
    }

    private void clearTimeProblem() {
        timeProblem.setText("");
        timeProblem.setVisible(false);
        start.setInvalid(false);
    }

    /** For tests: what a safety gate said, if it stopped the booking. */
    String gateMessage() {
        return gate.message();
    }

    /** For tests and the calendar: the message beside the time, if any. */
    String timeProblem() {
        return timeProblem.isVisible() ? Objects.requireNonNullElse(timeProblem.getText(), "") : "";
    }
}
