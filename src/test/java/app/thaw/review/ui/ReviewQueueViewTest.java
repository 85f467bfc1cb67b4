package app.thaw.review.ui;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ui.PhoneColumns;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;
import app.thaw.review.QueueRow;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;

@IntegrationTest
class ReviewQueueViewTest extends SpringBrowserlessTest {

    private static final int ASSIGNED_COLUMN = 6;

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    app.thaw.review.CaseAssignments assignments;

    @Autowired
    app.thaw.review.ReferralService referrals;

    ReviewTestData data;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
    }

    @Test
    @WithUserDetails("amira")
    void urgentCasesComeFirstAndAFilterNarrowsTheRows() {
        String word = ReviewTestData.uniqueWord();
        var routine = data.submit(completeAnswers(word + " Routine"));
        var urgent = data.submit(completeAnswers(word + " Urgent").with("safety.safe_now", "no"));
        var later = data.submit(completeAnswers(word + " Later"));

        navigate(ReviewQueueView.class);
        search(word);

        assertThat(references()).containsExactly(urgent.reference(), routine.reference(), later.reference());
        assertThat(test(grid()).getLitRendererPropertyValue(0, 0, "urgency", String.class))
                .isEqualTo("Urgent · risk not reviewed");
        assertThat(test(grid()).getLitRendererPropertyValue(1, 0, "urgency", String.class)).isEqualTo("Routine");
        assertThat(test(grid()).getCellText(0, 2)).isEqualTo(word + " Urgent");
        assertThat(test(grid()).getCellText(1, ASSIGNED_COLUMN)).isEqualTo("Unassigned");

        test(select("Urgency")).selectItem("Not urgent");
        assertThat(references()).containsExactly(routine.reference(), later.reference());

        test(select("Urgency")).selectItem("Urgent only");
        assertThat(references()).containsExactly(urgent.reference());

        test(select("Urgency")).selectItem("Any");
        search(later.reference());
        assertThat(references()).containsExactly(later.reference());
    }

    @Test
    @WithUserDetails("amira")
    void onAPhoneEachCaseIsTwoLinesInOneColumnWithItsNameAndAWideScreenNeverHoldsThatColumn() {
        String word = ReviewTestData.uniqueWord();
        var urgent = data.submit(completeAnswers(word + " Urgent").with("safety.safe_now", "no"));
        ReviewQueueView view = navigate(ReviewQueueView.class);
        search(word);
        assertThat(grid().getColumns()).as("a wide screen's queue never makes the phone's column").hasSize(7);
        int phone = 0; // the only column shown

        view.fitTo(320);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Cases");
        assertThat(test(grid()).getLitRendererPropertyValue(0, phone, "name", String.class))
                .isEqualTo(word + " Urgent");
        assertThat(test(grid()).getLitRendererPropertyValue(0, phone, "reference", String.class))
                .isEqualTo(urgent.reference());
        assertThat(test(grid()).getLitRendererPropertyValue(0, phone, "urgency", String.class))
                .isEqualTo("Urgent · risk not reviewed");
        assertThat(test(grid()).getLitRendererPropertyValue(0, phone, "assignee", String.class))
                .isEqualTo("Unassigned");

        view.fitTo(1280);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Urgency", "Reference", "Name", "Asked for", "Status", "Waiting", "Assigned to");
        view.fitTo(PhoneColumns.PHONE_WIDTH + 1);
        assertThat(grid().getColumns().getLast().isVisible()).isFalse();
        view.fitTo(PhoneColumns.PHONE_WIDTH);
        assertThat(grid().getColumns()).as("made once").hasSize(8);
        assertThat(grid().getColumns().getLast().isVisible()).isTrue();
    }

    @Test
    @WithUserDetails("amira")
    void jAndKMoveTheSelectionAndAAssignsTheSelectedCaseToMe() {
        String word = ReviewTestData.uniqueWord();
        var first = data.submit(completeAnswers(word + " First"));
        var second = data.submit(completeAnswers(word + " Second"));
        var third = data.submit(completeAnswers(word + " Third"));
        navigate(ReviewQueueView.class);
        search(word);
        assertThat(find(Select.class).withLabel("Assigned").exists()).as("created only when opened").isFalse();
        openMoreFilters();
        assertThat(test(select("Assigned")).getSuggestions()).containsExactly("Anyone", "To me", "Unassigned");

        press(Key.KEY_J);
        assertThat(selected()).isEqualTo(first.reference());
        press(Key.KEY_J);
        press(Key.KEY_J);
        assertThat(selected()).isEqualTo(third.reference());
        press(Key.KEY_J);
        assertThat(selected()).as("stays on the last row").isEqualTo(third.reference());
        press(Key.KEY_K);
        assertThat(selected()).isEqualTo(second.reference());

        press(Key.KEY_A);

        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, second.id())).isEqualTo(data.idOf("amira"));
        assertThat(test(grid()).getCellText(1, ASSIGNED_COLUMN)).isEqualTo("Dr Amira Khan");
        assertThat(test(grid()).getCellText(0, ASSIGNED_COLUMN)).isEqualTo("Unassigned");
        assertThat(data.auditActions(second.id())).containsExactly("INTAKE_SUBMITTED", "CASE_ASSIGNED");

        test(select("Assigned")).selectItem("To me");
        assertThat(references()).containsExactly(second.reference());

        // closed again, the toggle says a filter still narrows the list, and the filter still applies
        Button toggle = moreFiltersToggle();
        test(toggle).click();
        assertThat(toggle.getText()).isEqualTo("More filters (1 active)");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(find(Select.class).withLabel("Assigned").exists()).as("hidden while closed").isFalse();
        assertThat(references()).containsExactly(second.reference());
        test(toggle).click();
        assertThat(toggle.getText()).isEqualTo("Fewer filters");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        test(select("Assigned")).selectItem("Anyone");
        assertThat(references()).containsExactly(first.reference(), second.reference(), third.reference());
    }

    @Test
    @WithUserDetails("amira")
    void theSentDatesAndAskedForNarrowTheRowsOnceMoreFiltersAreOpen() {
        String word = ReviewTestData.uniqueWord();
        var sent = data.submit(completeAnswers(word + " Sent"));
        navigate(ReviewQueueView.class);
        search(word);
        assertThat(moreFiltersToggle().getText()).isEqualTo("More filters");

        openMoreFilters();
        var tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(1);
        test(find(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Sent from").single())
                .setValue(tomorrow);
        assertThat(references()).isEmpty();
        test(find(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Sent from").single())
                .setValue(null);
        assertThat(references()).containsExactly(sent.reference());
        assertThat(test(select("Asked for")).getSuggestions()).contains("Couples", "Individual", "Not sure");
    }

    @Test
    @WithUserDetails("amira")
    void aColleaguesCaseNeverAppearsInTheGrid() {
        String word = ReviewTestData.uniqueWord();
        var mine = data.submit(completeAnswers(word + " Mine"));
        var toms = data.submit(completeAnswers(word + " Toms"));
        data.asInOwnThread("tom", () -> assignments.assignToMe(IntakeId.of(toms.id())));

        navigate(ReviewQueueView.class);
        search(word);

        assertThat(references()).containsExactly(mine.reference());
    }

    @Test
    @WithUserDetails("admin")
    void anAdminSeesEveryCaseButHasNoToMeFilter() {
        String word = ReviewTestData.uniqueWord();
        var toms = data.submit(completeAnswers(word + " Toms"));
        data.asInOwnThread("tom", () -> assignments.assignToMe(IntakeId.of(toms.id())));

        navigate(ReviewQueueView.class);
        search(word);
        openMoreFilters();

        Select<?> assigned = select("Assigned");
        assertThat(test(assigned).getSuggestions()).containsExactly("Anyone", "Unassigned")
                .doesNotContain("To me");
        assertThat(references()).containsExactly(toms.reference());
        assertThat(test(grid()).getCellText(0, ASSIGNED_COLUMN)).isEqualTo("Tom Whitfield");
        press(Key.KEY_J);
        press(Key.KEY_A);
        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, toms.id())).isEqualTo(data.idOf("tom"));
    }

    @Test
    @WithUserDetails("admin")
    void theManagerReassignsACaseWithAReasonWithoutOpeningIt() {
        String word = ReviewTestData.uniqueWord();
        var toms = data.submit(completeAnswers(word + " Moving"));
        data.asInOwnThread("tom", () -> assignments.assignToMe(IntakeId.of(toms.id())));
        navigate(ReviewQueueView.class);
        search(word);
        press(Key.KEY_J);

        test(find(Button.class).withId("assign-case").single()).click();
        AssignCaseDialog dialog = find(AssignCaseDialog.class).single();
        test(find(Select.class, dialog).withLabel("Therapist").single()).selectItem("Dr Amira Khan");
        test(find(Button.class, dialog).withText("Assign").single()).click();
        // no reason, no change: the history needs to say why
        assertThat(find(Paragraph.class, dialog).withClassName("dialog-problem").single().getText())
                .startsWith("Please give the reason for the change");
        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, toms.id())).isEqualTo(data.idOf("tom"));

        test(find(TextArea.class, dialog).withLabel("Reason (kept in the case history)").single())
                .setValue("Tom on leave until March");
        test(find(Button.class, dialog).withText("Assign").single()).click();

        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, toms.id())).isEqualTo(data.idOf("amira"));
        assertThat(test(grid()).getCellText(0, ASSIGNED_COLUMN)).isEqualTo("Dr Amira Khan");
        assertThat(data.audit(toms.id())).last().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo("CASE_ASSIGNED");
            assertThat(row.get("actor_name")).isEqualTo("Priya Shah");
            assertThat(row.get("case_reference")).isEqualTo(toms.reference());
            assertThat(row.get("detail")).isEqualTo("Assigned to Dr Amira Khan by the practice manager: "
                    + "Tom on leave until March");
        });
        // nothing clinical was read to do it
        assertThat(data.auditActions(toms.id())).doesNotContain("CASE_OPENED");
    }

    private void search(String text) {
        test(find(TextField.class).withAriaLabel("Search by name or reference").single()).setValue(text);
    }

    private Button moreFiltersToggle() {
        return find(Button.class).withClassName("more-filters").single();
    }

    private void openMoreFilters() {
        test(moreFiltersToggle()).click();
    }

    @SuppressWarnings("unchecked")
    private Grid<QueueRow> grid() {
        return find(Grid.class).single();
    }

    @SuppressWarnings("unchecked")
    private Select<Object> select(String label) {
        return find(Select.class).withLabel(label).single();
    }

    private List<String> references() {
        var tester = test(grid());
        return IntStream.range(0, tester.size()).mapToObj(i -> tester.getRow(i).reference()).toList();
    }

    private String selected() {
        return grid().asSingleSelect().getOptionalValue().map(QueueRow::reference).orElse(null);
    }

    /** A key press while the grid has focus, where the view listens for its shortcuts. */
    private void press(Key key) {
        ShortcutsKt._fireShortcut(grid(), key);
    }
}
