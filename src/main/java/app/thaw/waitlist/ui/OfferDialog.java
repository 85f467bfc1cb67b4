package app.thaw.waitlist.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;

import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.PracticeTime;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SlotSuggestion;
import app.thaw.security.StaffSummary;
import app.thaw.waitlist.OfferRefused;
import app.thaw.waitlist.OfferService;
import app.thaw.waitlist.OfferedTime;
import app.thaw.waitlist.WaitingCase;
import app.thaw.waitlist.WaitlistService;

/** Finds free times for a waiting case (both partners' availability for a couple) and offers those ticked. */
class OfferDialog extends Dialog {

    private static final DateTimeFormatter WHEN = PracticeTime.DAY_TIME;

    private final WaitlistService waitlist;
    private final OfferService offers;
    private final WaitingCase waiting;
    private final Runnable done;
    private final ComboBox<StaffSummary> therapist = new ComboBox<>("Therapist");
    private final RadioButtonGroup<SessionFormat> format = new RadioButtonGroup<>("Format");
    private final CheckboxGroup<SlotSuggestion> times = new CheckboxGroup<>("Times to offer");
    private final IntegerField hold = new IntegerField("Hold for (hours)");
    private final Paragraph problem = new Paragraph();
    private final Paragraph noneFit = new Paragraph();
    private final boolean ownDiaryOnly;

    /** {@code ownDiaryOnly}: a therapist offers her own times; only the practice manager offers anyone's. */
    OfferDialog(WaitlistService waitlist, OfferService offers, WaitingCase waiting, boolean ownDiaryOnly,
                Runnable done) {
        this.ownDiaryOnly = ownDiaryOnly;
        this.waitlist = waitlist;
        this.offers = offers;
        this.waiting = waiting;
        this.done = done;
        setHeaderTitle("Offer times to " + waiting.clients() + " (" + waiting.reference() + ")");
        List<StaffSummary> therapists = waitlist.therapists();
        therapist.setItems(therapists);
        therapist.setItemLabelGenerator(StaffSummary::displayName);
        format.setItems(SessionFormat.values());
        format.setItemLabelGenerator(SessionFormat::label);
        format.setValue(waiting.format() == null ? SessionFormat.ONLINE : waiting.format());
        therapists.stream().filter(t -> Long.valueOf(t.id()).equals(waiting.preferredTherapistId())).findFirst()
                .or(() -> firstWithTimes(therapists)).ifPresent(therapist::setValue);
        times.setItemLabelGenerator(s -> WHEN.format(s.start()) + (s.roomName() == null ? "" : " · " + s.roomName()));
        times.setId("offer-times");
        noneFit.setId("offer-none-fit");
        noneFit.setVisible(false);
        // times found for one diary or format are not that of another: a change finds again
        therapist.addValueChangeListener(change -> find());
        format.addValueChangeListener(change -> find());
        hold.setMin(1);
        hold.setMax(OfferService.MAX_HOLD_HOURS);
        hold.setValue(offers.defaultHoldHours());
        hold.setStepButtonsVisible(true);
        problem.addClassName("form-error");
        problem.setId("offer-problem");
        var find = new Button("Find times", click -> find());
        find.setId("find-offer-times");
        var offer = new Button("Offer and hold", click -> offer());
        offer.setId("make-offer");
        offer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("Availability: " + waiting.availability()), new Paragraph("Waits for: "
                + waiting.waitsFor()), therapist, format, find, times, noneFit, hold, problem);
        getFooter().add(new Button("Cancel", click -> close()), offer);
        find();
    }

    /**
     * For a client who waits for anyone: the first therapist with a time that fits, so the dialog opens on times
     * rather than on "no free time" in the diary that happens to come first; the first therapist when none has one.
     */
    private Optional<StaffSummary> firstWithTimes(List<StaffSummary> therapists) {
        try {
            for (StaffSummary candidate : therapists) {
                if (!waitlist.suggest(IntakeId.of(waiting.intakeId()), StaffId.of(candidate.id()), format.getValue(),
                        1).isEmpty()) {
                    return Optional.of(candidate);
                }
            }
        } catch (OfferRefused refused) {
            // the case can't be offered times at all: the dialog says why once it looks
        }
        return therapists.stream().findFirst();
    }

    private void find() {
        problem.setText("");
        times.setItems(List.of());
        showTimes(true);
        if (therapist.getValue() == null) {
            problem.setText("Choose a therapist.");
            return;
        }
        try {
            List<SlotSuggestion> found = waitlist.suggest(IntakeId.of(waiting.intakeId()),
                    StaffId.of(therapist.getValue().id()), format.getValue(), 12);
            times.setItems(found);
            if (found.isEmpty()) {
                // a therapist has no other diary to try: "another therapist" pointed at a choice she does not have
                noneFit.setText(ownDiaryOnly ? "No free time in your diary fits in the next six weeks. Try the "
                        + "other format, or ask the practice manager, who can offer another therapist's times."
                        : "No free time fits in the next six weeks. Try another therapist or format.");
                showTimes(false);
            }
        } catch (OfferRefused refused) {
            problem.setText(refused.getMessage());
        }
    }

    // an empty list of times reads as the reason, where the times would be
    private void showTimes(boolean any) {
        times.setVisible(any);
        noneFit.setVisible(!any);
    }

    private void offer() {
        if (times.getValue().isEmpty()) {
            problem.setText("Tick at least one time to offer.");
            return;
        }
        if (hold.isInvalid() || hold.getValue() == null) {
            problem.setText("Hold the times for 1 to " + OfferService.MAX_HOLD_HOURS + " hours.");
            return;
        }
        List<OfferedTime> chosen = new ArrayList<>();
        times.getValue().forEach(s -> chosen.add(new OfferedTime(therapist.getValue().id(), format.getValue(),
                s.roomId(), s.start(), s.end())));
        try {
            var made = offers.offer(IntakeId.of(waiting.intakeId()), chosen, hold.getValue());
            // the hold can end sooner than asked, before the last time gets too close to choose
            Notification.show(made.times() + " times held until " + PracticeTime.WEEKDAY_AT.format(made.openUntil())
                    + " and offered"
                    + (made.emailed() > 0 ? "; " + made.emailed() + " client(s) emailed their link" : "")
                    + ". They also appear on the clients' status pages.", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            done.run();
        } catch (OfferRefused refused) {
            problem.setText(refused.getMessage());
        }
    }
}
