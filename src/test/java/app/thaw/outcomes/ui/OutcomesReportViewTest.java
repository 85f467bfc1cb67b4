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
 * the lead and counts under 5 as "<5" for the manager, the period and months filters, and the CSV the page gives.
 * Its data is one generated therapist's summary rows this month and two months ago.
 */
@IntegrationTest
class OutcomesReportViewTest extends SpringBrowserlessTest {

    private static final String LEAD = "outcomes-view-lead";

    @Autowired
    JdbcTemplate jdbc;

    String therapist;
    LocalDate thisMonth;

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
        // 3 courses: every count from 1 to 4 and every rate built on one is hidden, zeros and the rest stay
        assertThat(row(therapist, "Individual")).containsExactly(period(thisMonth), therapist, "Individual", "<5",
                "<5", "–", "<5", "<5", "–", "<5", "–", "0", "–", "<5", "–");
        assertThat(row(therapist, "Couples")).containsExactly(period(thisMonth.minusMonths(2)), therapist, "Couples",
                "12", "10", "100%", "8", "6", "75%", "7", "70%", "<5", "–", "5", "21 days");

        select("By", OutcomesReport.Period.QUARTER);
        assertThat(row(therapist, "Couples").getFirst()).matches("\\d{4} Q[1-4]");
        var csv = new ByteArrayOutputStream();
        test(find(Anchor.class).withId("outcomes-csv").single()).download(csv);
        assertThat(csv.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(therapist) && line.contains("Individual"))).singleElement().asString()
                .contains(",\"<5\",\"<5\",").doesNotContain(",3,");
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
