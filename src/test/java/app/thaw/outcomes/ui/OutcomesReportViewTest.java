package app.thaw.outcomes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.outcomes.OutcomesReport;

/**
 * The practice's results page as the clinical lead and the practice manager use it: the same rows, every count for
 * the lead, and for the manager counts under 5 as "<5" and the rest rounded to 5 so that no period, window or total
 * gives a hidden count back; the period and months filters, and the CSV the page gives.
 * Its data is one generated therapist's summary rows this month and two months ago.
 */
@IntegrationTest
class OutcomesReportViewTest extends SpringBrowserlessTest {

    private static final String LEAD = "outcomes-view-lead";

    @Autowired
    JdbcTemplate jdbc;

    String therapist;
    LocalDate thisMonth;
    LocalDate quarter = LocalDate.MIN;

    @BeforeEach
    void aTherapistWithThreeCoursesThisMonthAndTwelveTwoMonthsAgo() {
        jdbc.update("""
                insert into staff_account (username, display_name, email, password_hash, role, active, created_at)
                select ?, 'Outcomes View Lead', 'outcomes-view-lead@thaw.example', '{noop}unused', 'CLINICAL_LEAD',
                       true, now()
                 where not exists (select 1 from staff_account where username = ?)""", LEAD, LEAD);
        therapist = "Report View " + Long.toString(System.nanoTime(), 36);
        long id = jdbc.queryForObject("""
                insert into staff_account (username, display_name, email, password_hash, role, active, created_at)
                values (?, ?, ?, '{noop}unused', 'THERAPIST', false, now()) returning id""", Long.class,
                therapist.replace(' ', '-').toLowerCase(Locale.ROOT), therapist,
                therapist.replace(' ', '-').toLowerCase(Locale.ROOT) + "@thaw.example");
        thisMonth = LocalDate.now(Application.PRACTICE_ZONE).withDayOfMonth(1);
        // this month: 3 ended and finished, 2 paired, 2 cases at the start, 1 recovered; waits 14, 14, 30 days
        summary(thisMonth, id, "INDIVIDUAL", 3, 3, 2, 2, 1, 2, 0, 1);
        waits(thisMonth, id, "INDIVIDUAL", 14, 2);
        waits(thisMonth, id, "INDIVIDUAL", 30, 1);
        // two months ago: 12 ended, 10 finished, 10 paired, 8 cases, 6 recovered, 7 improved, 1 deteriorated
        summary(thisMonth.minusMonths(2), id, "COUPLES", 12, 10, 10, 8, 6, 7, 1, 5);
        waits(thisMonth.minusMonths(2), id, "COUPLES", 21, 10);
    }

    @Test
    @WithUserDetails(value = LEAD, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theClinicalLeadSeesEveryCountFiltersAndDownloadsTheSameInCsv() throws Exception {
        navigate(OutcomesReportView.class);
        assertThat(find(Paragraph.class).withClassName("suppression-note").exists()).isFalse();
        // the whole practice's table names no therapist or service in every row; the other table does
        assertThat(find(NativeTable.class).all()).extracting(table -> table.getHead().getRows().getFirst()
                .getChildren().map(cell -> cell.getElement().getText()).limit(3).toList())
                .containsExactly(List.of("Period", "Ended", "Finished treatment"),
                        List.of("Period", "Therapist", "Service"));
        assertThat(row(therapist, "Individual")).containsExactly(period(thisMonth), therapist, "Individual", "3", "3",
                "67%", "2", "1", "50%", "2", "100%", "0", "0%", "1", "14 days");
        assertThat(row(therapist, "Couples")).containsExactly(period(thisMonth.minusMonths(2)), therapist, "Couples",
                "12", "10", "100%", "8", "6", "75%", "7", "70%", "1", "10%", "5", "21 days");

        // by year: both months fall in one row per service when they share a year
        select("By", OutcomesReport.Period.YEAR);
        assertThat(row(therapist, "Individual").getFirst()).isEqualTo(String.valueOf(thisMonth.getYear()));
        // only the last 3 months: still both; the CSV follows the filters on screen
        select("Courses ended in", 3);
        var csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("outcomes-csv").single()).download(csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("period,therapist,service,ended,finished_treatment,paired,at_caseness,recovered,");
        assertThat(text.lines().filter(line -> line.contains(therapist) && line.contains("Individual")))
                .singleElement().asString()
                .startsWith("\"" + thisMonth.getYear() + "\",\"" + therapist + "\",\"Individual\",3,3,2,2,1,2,0,1,67,"
                        + "50,100,0,14");
        // other tests' courses end this year too: only this therapist's rows are this test's to judge
        assertThat(text.lines().filter(line -> line.contains(therapist))).isNotEmpty().noneMatch(line ->
                line.contains("<5"));
    }

    @Test
    @WithUserDetails(value = LEAD, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theClinicalLeadSignedInThroughTheirSessionSeesTherapistsNamedNotAnError() {
        // as in a real request: Vaadin reads the person from the session first, and names are the system's to give
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, SecurityContextHolder.getContext());
        navigate(OutcomesReportView.class);
        assertThat(row(therapist, "Individual")).startsWith(period(thisMonth), therapist, "Individual", "3");
    }

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerSeesSmallCountsSuppressedOnScreenAndInTheCsv() throws Exception {
        navigate(OutcomesReportView.class);
        assertThat(find(Paragraph.class).withClassName("suppression-note").single().getText())
                .contains("Counts from 1 to 4", "<5");
        // 3 courses: every count from 1 to 4 and every rate built on one is hidden, zeros stay
        assertThat(row(therapist, "Individual")).containsExactly(period(thisMonth), therapist, "Individual", "<5",
                "<5", "–", "<5", "<5", "–", "<5", "–", "0", "–", "<5", "–");
        // the rest rounded to the nearest 5 (12 ended as 10, 6 recovered as 5), rates from the true counts
        assertThat(row(therapist, "Couples")).containsExactly(period(thisMonth.minusMonths(2)), therapist, "Couples",
                "10", "10", "100%", "10", "5", "75%", "5", "70%", "<5", "–", "5", "21 days");

        select("By", OutcomesReport.Period.QUARTER);
        assertThat(row(therapist, "Couples").getFirst()).matches("\\d{4} Q[1-4]");
        var csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("outcomes-csv").single()).download(csv);
        assertThat(csv.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(therapist) && line.contains("Individual"))).singleElement().asString()
                .contains(",\"<5\",\"<5\",").doesNotContain(",3,");
    }

    @Test
    @WithUserDetails("admin")
    void aSuppressedMonthCannotBeWorkedOutFromItsQuarterAndTheOtherMonths() throws Exception {
        String who = quarterOfSmallAndLargerMonths();
        navigate(OutcomesReportView.class);
        assertThat(find(Paragraph.class).withClassName("rounding-note").single().getText())
                .contains("rounded to the nearest 5 for privacy");
        List<List<String>> months = rows(who, "Individual");
        assertThat(months).containsExactly(
                List.of(period(quarter), who, "Individual", "<5", "<5", "–", "<5", "<5", "–", "<5", "–", "0", "–",
                        "<5", "–"),
                // 6 ended and 11: shown as 5 and 10; rates from the true counts (7 of 9 paired), waits as they are
                List.of(period(quarter.plusMonths(1)), who, "Individual", "5", "5", "100%", "5", "<5", "–", "<5",
                        "–", "<5", "–", "<5", "20 days"),
                List.of(period(quarter.plusMonths(2)), who, "Individual", "10", "10", "78%", "5", "<5", "–", "5",
                        "71%", "0", "0%", "<5", "30 days"));
        everyCountShownIsSuppressedZeroOrAMultipleOfFive();

        select("By", OutcomesReport.Period.QUARTER);
        List<String> whole = rows(who, "Individual").getFirst();
        assertThat(whole).containsExactly(quarterName(quarter), who, "Individual", "20", "15", "82%", "15", "10",
                "57%", "10", "71%", "<5", "–", "10", "30 days");
        // ended, finished treatment, case at start: the quarter less the two months shown is not the hidden month's
        int[] hidden = {4, 3, -1, 2};
        for (int column = 3; column <= 6; column++) {
            if (hidden[column - 3] >= 0) {
                int derived = Integer.parseInt(whole.get(column)) - Integer.parseInt(months.get(1).get(column))
                        - Integer.parseInt(months.get(2).get(column));
                assertThat(derived).as("column " + column).isNotEqualTo(hidden[column - 3]);
            }
        }
        everyCountShownIsSuppressedZeroOrAMultipleOfFive();
        select("By", OutcomesReport.Period.YEAR);
        everyCountShownIsSuppressedZeroOrAMultipleOfFive();
        select("Courses ended in", 24);
        everyCountShownIsSuppressedZeroOrAMultipleOfFive();

        // no denominator is an empty cell in the CSV, as "–" on screen; "<5" only for a suppressed count
        select("By", OutcomesReport.Period.QUARTER);
        assertThat(csvLines(who)).contains("\"" + quarterName(quarter) + "\",\"" + who
                        + "\",\"Couples\",\"<5\",0,0,0,0,0,0,0,,,,,",
                "\"" + quarterName(quarter) + "\",\"" + who + "\",\"Individual\",20,15,15,15,10,10,\"<5\",10,82,57,71,,30");
    }

    @Test
    @WithUserDetails(value = LEAD, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theClinicalLeadSeesTheQuarterExactlyAndNoDenominatorAsAnEmptyCell() throws Exception {
        String who = quarterOfSmallAndLargerMonths();
        navigate(OutcomesReportView.class);
        assertThat(find(Paragraph.class).withClassName("rounding-note").exists()).isFalse();
        assertThat(rows(who, "Individual")).extracting(cells -> cells.get(3)).containsExactly("4", "6", "11");
        select("By", OutcomesReport.Period.QUARTER);
        assertThat(csvLines(who)).contains("\"" + quarterName(quarter) + "\",\"" + who
                        + "\",\"Couples\",2,0,0,0,0,0,0,0,,,,,",
                "\"" + quarterName(quarter) + "\",\"" + who + "\",\"Individual\",21,17,14,14,8,10,1,8,82,57,71,7,30");
    }

    /** The last whole quarter: 4 courses ended in its first month, 6 and 11 in the others, a couple's 2 unfinished. */
    private String quarterOfSmallAndLargerMonths() {
        String who = "Quarter View " + Long.toString(System.nanoTime(), 36);
        long id = jdbc.queryForObject("""
                insert into staff_account (username, display_name, email, password_hash, role, active, created_at)
                values (?, ?, ?, '{noop}unused', 'THERAPIST', false, now()) returning id""", Long.class,
                who.replace(' ', '-').toLowerCase(Locale.ROOT), who,
                who.replace(' ', '-').toLowerCase(Locale.ROOT) + "@thaw.example");
        quarter = thisMonth.withMonth((thisMonth.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
        summary(quarter, id, "INDIVIDUAL", 4, 3, 2, 2, 1, 1, 0, 1);
        waits(quarter, id, "INDIVIDUAL", 10, 3);
        summary(quarter.plusMonths(1), id, "INDIVIDUAL", 6, 5, 5, 5, 3, 4, 1, 3);
        waits(quarter.plusMonths(1), id, "INDIVIDUAL", 20, 5);
        summary(quarter.plusMonths(2), id, "INDIVIDUAL", 11, 9, 7, 7, 4, 5, 0, 4);
        waits(quarter.plusMonths(2), id, "INDIVIDUAL", 30, 9);
        summary(quarter.plusMonths(1), id, "COUPLES", 2, 0, 0, 0, 0, 0, 0, 0);
        return who;
    }

    private void everyCountShownIsSuppressedZeroOrAMultipleOfFive() {
        List<String> counts = find(NativeTableRow.class).all().stream()
                .map(tr -> tr.getChildren().map(cell -> cell.getElement().getText()).toList())
                .flatMap(cells -> cells.stream().skip(1))
                .filter(cell -> cell.matches("\\d+"))
                .toList();
        assertThat(counts).isNotEmpty().allMatch(count -> Integer.parseInt(count) % 5 == 0, "a multiple of 5");
    }

    private List<String> csvLines(String who) {
        var csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("outcomes-csv").single()).download(csv);
        return csv.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(who)).toList();
    }

    private List<List<String>> rows(String who, String service) {
        return find(NativeTableRow.class).all().stream()
                .map(tr -> tr.getChildren().map(cell -> cell.getElement().getText()).toList())
                .filter(cells -> cells.size() > 2 && cells.get(1).equals(who) && cells.get(2).equals(service))
                .toList();
    }

    private static String quarterName(LocalDate start) {
        return start.getYear() + " Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private List<String> row(String who, String service) {
        List<List<String>> found = find(NativeTableRow.class).all().stream()
                .map(tr -> tr.getChildren().map(cell -> cell.getElement().getText()).toList())
                .filter(cells -> cells.size() > 2 && cells.get(1).equals(who) && cells.get(2).equals(service))
                .toList();
        assertThat(found).as("one row for " + who + ", " + service).hasSize(1);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    private <T> void select(String label, T value) {
        Select<T> select = find(Select.class).withCondition(s -> label.equals(s.getLabel())).single();
        test(select).selectItem(select.getItemLabelGenerator().apply(value));
    }

    private static String period(LocalDate month) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK) + " " + month.getYear();
    }

    private void summary(LocalDate month, long therapistId, String service, int... counts) {
        jdbc.update("""
                insert into outcome_summary (month, therapist_id, service_type, ended, finished, paired, at_caseness,
                    recovered, reliable_improvement, reliable_deterioration, reliable_recovery)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", month, therapistId, service, counts[0], counts[1],
                counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
    }

    private void waits(LocalDate month, long therapistId, String service, int days, int courses) {
        jdbc.update("insert into outcome_wait (month, therapist_id, service_type, wait_days, courses) "
                + "values (?, ?, ?, ?, ?)", month, therapistId, service, days, courses);
    }
}
