package app.thaw.waitlist.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import app.thaw.base.ui.PhoneColumns;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffSummary;
import app.thaw.waitlist.WaitingCase;
import app.thaw.waitlist.WaitlistChanges;

/**
 * The waiting list's "Waits for" column: in each row the button that changes what the case waits for, in a column as
 * wide as the widest thing the button can say. The grid sizes a column to its header and the rows it draws first, so
 * the header holds, unseen, every choice the cell can show (each format with anyone and with each therapist): a row
 * further down the list, or a choice saved later, never needs more room than the column has. While a phone's cards
 * show, the hidden column makes no buttons: the card holds the case's one (a button made for each also gave its id
 * twice).
 */
final class WaitsForColumn {

    private static final int WIDEST = 6;

    private final WaitlistChanges changes;
    private final Runnable saved;
    private final Grid.Column<WaitingCase> column;
    private List<String> sizedFor = List.of();

    /** Added to the grid as one of {@code columns}' wide ones, which a phone's cards stand in for. */
    WaitsForColumn(PhoneColumns<WaitingCase> columns, WaitlistChanges changes, Runnable saved) {
        this.changes = changes;
        this.saved = saved;
        this.column = columns.addWideComponentColumn(this::button)
                .setHeader("Waits for").setKey("waits-for").setAutoWidth(true).setFlexGrow(0);
    }

    Grid.Column<WaitingCase> column() {
        return column;
    }

    /** What the client waits for, and the way to change it (the client may say so on the phone). */
    Button button(WaitingCase c) {
        var waitsFor = new Button(c.waitsFor(), click -> new WaitsForDialog(changes, c, saved).open());
        waitsFor.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        waitsFor.setId("waits-for-" + c.reference());
        waitsFor.addClassName("waits-for");
        waitsFor.setAriaLabel("Change what " + c.reference() + " waits for: " + c.waitsFor());
        return waitsFor;
    }

    /**
     * Sizes the column for the therapists a case may wait for and those the rows name. The grid measures its header
     * when it first draws the list: a therapist who joins while the list is open widens it at its next opening.
     */
    void fit(List<WaitingCase> rows) {
        Set<String> names = new LinkedHashSet<>();
        names.add(null);
        changes.therapistsToWaitFor().stream().map(StaffSummary::displayName).forEach(names::add);
        // a leaver's name may still be on a row until staff change it
        rows.stream().map(WaitingCase::preferredTherapistName).filter(Objects::nonNull).forEach(names::add);
        List<String> choices = new ArrayList<>();
        for (SessionFormat format : new SessionFormat[] {null, SessionFormat.IN_PERSON, SessionFormat.ONLINE}) {
            names.forEach(name -> choices.add(WaitingCase.waitsFor(format, name)));
        }
        // the longest few by letters stand for the rest: a practice of 200 therapists is not 600 elements per view
        List<String> widest = choices.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .limit(WIDEST).toList();
        if (widest.equals(sizedFor)) {
            return;
        }
        sizedFor = widest;
        column.setHeader(header(widest));
    }

    /** "Waits for", over an unseen button as the cells' holding each choice on a line of its own (thaw.css). */
    private static Div header(List<String> choices) {
        var sizer = new Button();
        sizer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        sizer.addClassName("waits-for-sizer");
        sizer.getElement().setAttribute("aria-hidden", "true");
        sizer.getElement().setAttribute("tabindex", "-1");
        choices.forEach(choice -> sizer.getElement().appendChild(new Span(choice).getElement()));
        return new Div(new Span("Waits for"), sizer);
    }
}
