package app.thaw.waitlist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
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
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SlotSuggestion;
import app.thaw.base.ids.StaffId;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;
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
    @Autowired
    StaffAdministration team;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    DiarySetupService setup;

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
        test(offerTimes(grid, rowOf(grid, client.reference()))).click();
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

    @Test
    @WithUserDetails("admin")
    void theOfferDialogFindsAgainForAnotherTherapistOrFormatAndSaysWhenNoTimeFits() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = new WaitlistTestData(data, caseOpening, referrals, care, jdbc)
                .waitingClient("Mo " + ReviewTestData.uniqueWord());
        var diaries = new WorkingWeekData(data, team, scheduling, jdbc);
        String working = "Dr Weekdays " + ReviewTestData.uniqueWord();
        weekdaysNineToFive(data, diaries, working);
        data.as("admin", () -> setup.addRoom("Room " + ReviewTestData.uniqueWord()));
        String newcomer = "Dr Newcomer " + ReviewTestData.uniqueWord();
        diaries.therapist(newcomer);
        ComboBox<StaffSummary> therapist = openOffer(client.reference());
        test(therapist).selectItem(working);
        @SuppressWarnings("unchecked")
        CheckboxGroup<SlotSuggestion> times = find(CheckboxGroup.class).withId("offer-times").single();
        assertThat(times.getListDataView().getItems()).isNotEmpty().allSatisfy(time -> assertThat(time.roomId())
                .isNull());

        @SuppressWarnings("unchecked")
        RadioButtonGroup<SessionFormat> format = find(RadioButtonGroup.class).withLabel("Format").single();
        test(format).selectItem(SessionFormat.IN_PERSON.label());
        assertThat(times.getListDataView().getItems()).isNotEmpty().allSatisfy(time -> assertThat(time.roomId())
                .isNotNull());

        // a therapist with no working hours yet: the reason stands where the times would be
        test(therapist).selectItem(newcomer);
        assertThat(times.isVisible()).isFalse();
        Paragraph none = find(Paragraph.class).withId("offer-none-fit").single();
        assertThat(none.isVisible()).isTrue();
        assertThat(none.getText()).isEqualTo("No free time fits in the next six weeks. Try another therapist or "
                + "format.");
        test(therapist).selectItem(working);
        assertThat(times.isVisible()).isTrue();
        assertThat(none.isVisible()).isFalse();
        test(find(Button.class).withText("Cancel").single()).click();
    }

    @Test
    @WithUserDetails("admin")
    void forAClientWhoWaitsForAnyoneTheOfferOpensOnATherapistWithTimesNotOnTheFirstName() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = new WaitlistTestData(data, caseOpening, referrals, care, jdbc)
                .waitingClient("Jo " + ReviewTestData.uniqueWord());
        var diaries = new WorkingWeekData(data, team, scheduling, jdbc);
        // first by name, and no working hours: its diary has no time for anyone
        String noHours = "Aaaa Nohours " + ReviewTestData.uniqueWord();
        diaries.therapist(noHours);
        weekdaysNineToFive(data, diaries, "Dr Weekdays " + ReviewTestData.uniqueWord());
        ComboBox<StaffSummary> therapist = openOffer(client.reference());
        assertThat(therapist.getListDataView().getItems().findFirst()).map(StaffSummary::displayName)
                .hasValue(noHours);
        assertThat(therapist.getValue().displayName()).isNotEqualTo(noHours);
        @SuppressWarnings("unchecked")
        CheckboxGroup<SlotSuggestion> times = find(CheckboxGroup.class).withId("offer-times").single();
        assertThat(times.isVisible()).isTrue();
        assertThat(times.getListDataView().getItems()).isNotEmpty();
        test(find(Button.class).withText("Cancel").single()).click();
    }

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerSeesEveryWayToFillAFreedTimeAndChoosesOne() {
        String before = jdbc.queryForObject("select backfill_mode from waitlist_settings", String.class);
        try {
            navigate(WaitlistView.class);
            @SuppressWarnings("unchecked")
            RadioButtonGroup<app.thaw.waitlist.BackfillMode> mode = find(RadioButtonGroup.class)
                    .withLabel("When a cancellation frees a time").single();
            assertThat(mode.getListDataView().getItems().map(app.thaw.waitlist.BackfillMode::label)).containsExactly(
                    "Leave it in the diary", "Suggest waiting cases to staff (one click to offer)",
                    "Offer it at once to the best-fitting waiting cases");
            assertThat(mode.getValue().name()).isEqualTo(before);
            assertThat(find(Paragraph.class).withId("waitlist-scope").exists()).isFalse();

            test(mode).selectItem("Offer it at once to the best-fitting waiting cases");

            assertThat(jdbc.queryForObject("select backfill_mode from waitlist_settings", String.class))
                    .isEqualTo("AUTO");
        } finally {
            jdbc.update("update waitlist_settings set backfill_mode = ?", before);
        }
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistWithNoTimeThatFitsIsToldWhoCanOfferAnotherTherapistsTimes() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = new WaitlistTestData(data, caseOpening, referrals, care, jdbc).waitingClient(
                IntakeFixtures.completeAnswers("Sat " + ReviewTestData.uniqueWord())
                        .with("preferences.days", "saturday").with("preferences.times", "evening"));
        ComboBox<StaffSummary> therapist = openOffer(client.reference());
        assertThat(therapist.getListDataView().getItems().map(StaffSummary::displayName))
                .containsExactly("Dr Amira Khan");
        // her own diary is the only one she may offer: "try another therapist" pointed at a choice she lacks
        assertThat(find(Paragraph.class).withId("offer-none-fit").single().getText()).isEqualTo("No free time in your "
                + "diary fits in the next six weeks. Try the other format, or ask the practice manager, who can offer "
                + "another therapist's times.");
        test(find(Button.class).withText("Cancel").single()).click();
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistDoesNotChooseHowTheWholePracticeFillsAFreedTime() {
        navigate(WaitlistView.class);

        assertThat(find(RadioButtonGroup.class).withLabel("When a cancellation frees a time").exists()).isFalse();
        // the counts are the practice's, the list hers: the page says so
        assertThat(find(Paragraph.class).withId("waitlist-scope").single().getText())
                .startsWith("Counts are for the whole practice.");
    }

    /** Opens the waiting list and this case's offer dialog; returns the dialog's therapist field. */
    @SuppressWarnings("unchecked")
    private ComboBox<StaffSummary> openOffer(String reference) {
        navigate(WaitlistView.class);
        Grid<WaitingCase> grid = find(Grid.class).single();
        test(offerTimes(grid, rowOf(grid, reference))).click();
        return find(ComboBox.class).withLabel("Therapist").single();
    }

    /** A new therapist working Monday to Friday, nine to five. */
    private void weekdaysNineToFive(ReviewTestData data, WorkingWeekData diaries, String name) {
        long therapist = diaries.therapist(name);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            data.as("admin", () -> setup.addWorkingHours(StaffId.of(therapist), day, LocalTime.of(9, 0),
                    LocalTime.of(17, 0)));
        }
    }

    private void openWaitsFor(Grid<WaitingCase> grid, String reference) {
        test(waitsFor(grid, rowOf(grid, reference))).click();
    }

    private int rowOf(Grid<WaitingCase> grid, String reference) {
        for (int row = 0; row < test(grid).size(); row++) {
            if (reference.equals(test(grid).getRow(row).reference())) {
                return row;
            }
        }
        throw new AssertionError(reference + " is not on the waiting list");
    }

    // the "Waits for" cell is the button that changes it, rendered for the row
    private Button waitsFor(Grid<WaitingCase> grid, int row) {
        return (Button) test(grid).getCellComponent(row, column(grid, "waits-for"));
    }

    // the offer's cell says where it stands, over the button that makes one
    private Button offerTimes(Grid<WaitingCase> grid, int row) {
        return (Button) test(grid).getCellComponent(row, column(grid, "offer")).getChildren()
                .filter(Button.class::isInstance).findFirst().orElseThrow();
    }

    private static int column(Grid<WaitingCase> grid, String key) {
        return grid.getColumns().indexOf(grid.getColumnByKey(key));
    }
}
