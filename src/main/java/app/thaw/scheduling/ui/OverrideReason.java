package app.thaw.scheduling.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

import org.jspecify.annotations.Nullable;

import app.thaw.scheduling.BookingResult;

/**
 * When the therapist is away, the practice closed or the time outside hours, a practice manager may still book, saying
 * why (it goes into the audit log). Hidden until such a refusal comes back; a therapist never sees it.
 */
class OverrideReason extends Div {

    static final int MAX = 300;

    private final TextField reason = new TextField("Book anyway — reason (practice manager)");

    OverrideReason() {
        addClassName("override-reason");
        reason.setMaxLength(MAX);
        reason.setWidthFull();
        reason.setHelperText("For example: the client can only come in the evening; agreed with the therapist.");
        add(reason);
        setVisible(false);
    }

    /** Shows the field when the refusal is one the person may override. */
    void offer(BookingResult.Unavailable unavailable) {
        setVisible(unavailable.overridable());
        if (unavailable.overridable()) {
            reason.focus();
        }
    }

    @Nullable String value() {
        return isVisible() && !reason.getValue().isBlank() ? reason.getValue() : null;
    }

    void reset() {
        reason.clear();
        setVisible(false);
    }
}
