package app.thaw.review.ui;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ui.UkPickers;
import app.thaw.intake.RequestedType;
import app.thaw.review.QueueFilter;

/**
 * The queue's rarely used filters (asked for, assigned, sent dates), created only when "More filters" first
 * opens them: most sessions never do, and every filter kept per session costs heap (docs/performance.md §5).
 */
class MoreFilters {

    private final HasComponents parent;
    private final boolean therapist;
    private final Runnable onChange;
    private final Button toggle = new Button("More filters");
    private @Nullable Fields fields;
    private boolean open;

    MoreFilters(HasComponents parent, boolean therapist, Runnable onChange) {
        this.parent = parent;
        this.therapist = therapist;
        this.onChange = onChange;
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClassName("more-filters");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(click -> setOpen(!open));
    }

    Button toggle() {
        return toggle;
    }

    void setOpen(boolean opened) {
        if (opened && fields == null) {
            fields = create();
        }
        open = opened;
        if (fields != null) {
            Stream.<Component>of(fields.type, fields.assignment, fields.from, fields.to).forEach(f -> f.setVisible(opened));
        }
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(opened));
        updateLabel();
    }

    @Nullable RequestedType type() {
        return fields == null ? null : fields.type.getValue();
    }

    QueueFilter.Assignment assignment() {
        return fields == null || fields.assignment.getValue() == null ? QueueFilter.Assignment.ANYONE
                : fields.assignment.getValue();
    }

    @Nullable LocalDate from() {
        return fields == null ? null : fields.from.getValue();
    }

    @Nullable LocalDate to() {
        return fields == null ? null : fields.to.getValue();
    }

    /** How many of these filters narrow the queue now, so the closed toggle can say so. */
    int active() {
        return (type() != null ? 1 : 0) + (assignment() != QueueFilter.Assignment.ANYONE ? 1 : 0)
                + (from() != null ? 1 : 0) + (to() != null ? 1 : 0);
    }

    private void updateLabel() {
        int active = active();
        toggle.setText(open ? "Fewer filters" : active == 0 ? "More filters" : "More filters (" + active + " active)");
    }

    private record Fields(Select<RequestedType> type, Select<QueueFilter.Assignment> assignment, DatePicker from,
                          DatePicker to) {
    }

    private Fields create() {
        var type = new Select<RequestedType>();
        type.setLabel("Asked for");
        type.setItems(RequestedType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption("Any");
        type.setItemLabelGenerator(t -> t == null ? "Any" : t.label());
        var assignment = new Select<QueueFilter.Assignment>();
        assignment.setLabel("Assigned");
        assignment.setItems(therapist ? EnumSet.allOf(QueueFilter.Assignment.class)
                : EnumSet.of(QueueFilter.Assignment.ANYONE, QueueFilter.Assignment.UNASSIGNED));
        assignment.setItemLabelGenerator(a -> switch (a) {
            case ANYONE -> "Anyone";
            case ME -> "To me";
            case UNASSIGNED -> "Unassigned";
        });
        assignment.setValue(QueueFilter.Assignment.ANYONE);
        var from = UkPickers.date("Sent from");
        var to = UkPickers.date("Sent to");
        UkPickers.range(from, to);
        type.addValueChangeListener(change -> changed());
        assignment.addValueChangeListener(change -> changed());
        from.addValueChangeListener(change -> changed());
        to.addValueChangeListener(change -> changed());
        // right after the toggle, so keyboard focus moves on into the filters it opened
        int at = parent.getElement().indexOfChild(toggle.getElement()) + 1;
        parent.addComponentAtIndex(at, type);
        parent.addComponentAtIndex(at + 1, assignment);
        parent.addComponentAtIndex(at + 2, from);
        parent.addComponentAtIndex(at + 3, to);
        return new Fields(type, assignment, from, to);
    }

    private void changed() {
        updateLabel();
        onChange.run();
    }
}
