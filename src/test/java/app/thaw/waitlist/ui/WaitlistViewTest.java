package app.thaw.waitlist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
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
import app.thaw.security.StaffSummary;
import app.thaw.waitlist.WaitingCase;
import app.thaw.waitlist.WaitlistTestData;

/** The waiting list's own page, through its real view: recording what a waiting client waits for. */
@IntegrationTest
class WaitlistViewTest extends SpringBrowserlessTest {

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

    @Test
    @WithUserDetails("amira")
    void aTherapistRecordsThatTheClientWaitsForAColleagueOnlineAndTheListSaysSo() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = new WaitlistTestData(data, caseOpening, referrals, care, jdbc)
                .waitingClient("Lee " + ReviewTestData.uniqueWord());
        String tom = jdbc.queryForObject("select display_name from staff_account where username = 'tom'",
                String.class);
        navigate(WaitlistView.class);
        @SuppressWarnings("unchecked")
        Grid<WaitingCase> grid = find(Grid.class).single();
        int row = rowOf(grid, client.reference());
        assertThat(waitsFor(grid, row).getText()).endsWith(" · anyone");

        openWaitsFor(grid, client.reference());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> format = find(RadioButtonGroup.class).withLabel("Format").single();
        test(format).selectItem("Online");
        @SuppressWarnings("unchecked")
        Select<StaffSummary> therapist = find(Select.class).withLabel("Therapist").single();
        test(therapist).selectItem(tom);
        test(find(Button.class).withText("Save").single()).click();

        assertThat(waitsFor(grid, rowOf(grid, client.reference())).getText()).isEqualTo("Online · " + tom);
        assertThat(jdbc.queryForObject("select s.username from waitlist_entry e join staff_account s on "
                + "s.id = e.preferred_therapist_id where e.intake_id = ? and e.state = 'WAITING'", String.class,
                client.id())).isEqualTo("tom");
        assertThat(data.audit(client.id())).anySatisfy(entry -> assertThat(entry.get("detail"))
                .isEqualTo("Waits for: online, " + tom));

        // the offer dialog says whom the client waits for, though a therapist offers from her own diary
        test((Button) test(grid).getCellComponent(rowOf(grid, client.reference()), 8)).click();
        assertThat(find(Paragraph.class).withText("Waits for: Online · " + tom).exists()).isTrue();
        test(find(Button.class).withText("Cancel").single()).click();

        // the client no longer minds: anyone, either format
        openWaitsFor(grid, client.reference());
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> again = find(RadioButtonGroup.class).withLabel("Format").single();
        assertThat(again.getValue()).isEqualTo("Online");
        test(again).selectItem("Either");
        @SuppressWarnings("unchecked")
        Select<StaffSummary> anyone = find(Select.class).withLabel("Therapist").single();
        assertThat(anyone.getValue().displayName()).isEqualTo(tom);
        anyone.clear();
        test(find(Button.class).withText("Save").single()).click();
        assertThat(waitsFor(grid, rowOf(grid, client.reference())).getText()).isEqualTo("Either · anyone");
    }

    private void openWaitsFor(Grid<WaitingCase> grid, String reference) {
        test(waitsFor(grid, rowOf(grid, reference))).click();
    }

    private int rowOf(Grid<WaitingCase> grid, String reference) {
        for (int row = 0; row < test(grid).size(); row++) {
            if (reference.equals(test(grid).getCellText(row, 1))) {
                return row;
            }
        }
        throw new AssertionError(reference + " is not on the waiting list");
    }

    // the "Waits for" cell is the button that changes it, rendered for the row
    private Button waitsFor(Grid<WaitingCase> grid, int row) {
        return (Button) test(grid).getCellComponent(row, 4);
    }
}
