package app.thaw.waitlist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.ElementAttributeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.waitlist.WaitingCase;
import app.thaw.waitlist.WaitlistTestData;

/**
 * The waiting list on a phone: each case one card, in the order the practice reads it, with its "Offer times" and
 * "Waits for" buttons, which open their dialogs from the card (six columns put "Offer times" at 617 px of a 320 px
 * screen). Each button is made once: the hidden column makes none, so no id is on the page twice.
 */
@IntegrationTest
class WaitlistOnAPhoneTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    ReferralService referrals;
    @Autowired
    CareActions care;
    @Autowired
    JdbcTemplate jdbc;

    private static final String URGENT =
            "update waitlist_entry set urgent = ? where intake_id = ? and state = 'WAITING'";

    @Test
    @WithUserDetails("amira")
    void eachCaseIsOneCardWhoseButtonsOpenTheirDialogsAndAreOnThePageOnce() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String surname = "Montgomery-" + ReviewTestData.uniqueWord();
        // a couple with long names waits, urgently (marked so here, as a risk found later would)
        var couple = new WaitlistTestData(data, caseOpening, referrals, care, jdbc).waitingCouple(surname);
        String reference = couple.alex().reference();
        jdbc.update(URGENT, true, couple.alex().id());
        try {
            onAPhone(surname, reference);
        } finally {
            // other tests read the head of the list, where urgent cases go
            jdbc.update(URGENT, false, couple.alex().id());
        }
    }

    private void onAPhone(String surname, String reference) {
        var view = navigate(WaitlistView.class);
        @SuppressWarnings("unchecked")
        Grid<WaitingCase> grid = find(Grid.class).single();
        assertThat(grid.getColumns()).as("a wide screen's list never makes the phone's column").hasSize(6);
        assertThat(inCells(grid, "offer-" + reference)).as("the offer button on a wide screen").isEqualTo(1);

        view.fitTo(320);
        roundTrip();
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Cases");
        WaitingCase waiting = test(grid).getRow(rowOf(grid, reference));
        assertThat(waiting.availability()).as("the couple's stated days and times").isNotBlank();
        assertThat(lines(card(grid, reference))).containsExactly(reference + "Urgent",
                "Alex " + surname + " & Sam " + surname, "Couples",
                "Waiting since today, " + WaitlistView.ADDED.format(waiting.addedAt()),
                "Available: " + waiting.availability(), "Not offered yetOffer times", "Waits forEither · anyone");
        // the hidden columns make no buttons: each id once, in the card
        assertThat(inCells(grid, "offer-" + reference)).as("'Offer times' buttons with the case's id").isEqualTo(1);
        assertThat(inCells(grid, "waits-for-" + reference)).as("'Waits for' buttons with the case's id").isEqualTo(1);

        // "Offer times" from the card opens the case's slot finder
        test(button(card(grid, reference), "offer-" + reference)).click();
        assertThat(find(Dialog.class).single().getHeaderTitle()).isEqualTo("Offer times to Alex " + surname
                + " & Sam " + surname + " (" + reference + ")");
        assertThat(find(ComboBox.class).withLabel("Therapist").exists()).isTrue();
        test(find(Button.class).withText("Cancel").single()).click();
        assertThat(find(Dialog.class).exists()).isFalse();

        // "Waits for" from the card changes what they wait for, and the card says so
        test(button(card(grid, reference), "waits-for-" + reference)).click();
        assertThat(find(Dialog.class).single().getHeaderTitle()).isEqualTo("What Alex " + surname + " & Sam "
                + surname + " (" + reference + ") wait for");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> format = find(RadioButtonGroup.class).withLabel("Format").single();
        test(format).selectItem("Online");
        test(find(Button.class).withText("Save").single()).click();
        roundTrip();
        assertThat(button(card(grid, reference), "waits-for-" + reference).getText()).isEqualTo("Online · anyone");
        assertThat(jdbc.queryForObject("select format from waitlist_entry where intake_id = ? and state = 'WAITING'",
                String.class, waiting.intakeId())).isEqualTo("ONLINE");
        assertThat(inCells(grid, "waits-for-" + reference)).as("after the list is drawn again").isEqualTo(1);

        view.fitTo(1280);
        roundTrip();
        assertThat(grid.getColumns()).as("the card column made once").hasSize(7);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible)).as("the six columns, not the cards")
                .containsExactlyElementsOf(grid.getColumns().subList(0, 6));
        assertThat(inCells(grid, "offer-" + reference)).as("the offer button back in its column").isEqualTo(1);
        assertThat(inCells(grid, "waits-for-" + reference)).isEqualTo(1);
    }

    private Component card(Grid<WaitingCase> grid, String reference) {
        return test(grid).getCellComponent(rowOf(grid, reference), 0);
    }

    private static List<String> lines(Component card) {
        return card.getChildren().map(line -> line.getElement().getTextRecursively()).toList();
    }

    private Button button(Component card, String id) {
        return find(Button.class, card).withId(id).single();
    }

    private int rowOf(Grid<WaitingCase> grid, String reference) {
        for (int row = 0; row < test(grid).size(); row++) {
            if (reference.equals(test(grid).getRow(row).reference())) {
                return row;
            }
        }
        throw new AssertionError(reference + " is not on the waiting list");
    }

    /**
     * How many elements with this id the grid's columns have made for their cells, hidden columns included: a column
     * holds its cells as virtual children, which a search of the component tree does not reach (the copies
     * {@code getCellComponent} appends to the grid for the test are not counted).
     */
    private static int inCells(Grid<WaitingCase> grid, String id) {
        var found = new AtomicInteger();
        grid.getElement().getChildren().filter(child -> child.getTag().startsWith("vaadin-grid-column"))
                .forEach(column -> count(column.getNode(), id, found));
        return found.get();
    }

    private static void count(StateNode node, String id, AtomicInteger found) {
        if (node.hasFeature(ElementAttributeMap.class)
                && id.equals(node.getFeature(ElementAttributeMap.class).get("id"))) {
            found.incrementAndGet();
        }
        node.forEachChild(child -> count(child, id, found));
    }
}
