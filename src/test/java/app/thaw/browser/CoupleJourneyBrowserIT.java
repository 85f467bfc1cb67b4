package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.Application;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.dev.DemoStaffAccounts;

/**
 * Issue 15's couple, in the browser: therapist A (Amira) reviews and refers the couple; the practice manager books
 * them with therapist B (Tom); B opens the case from the session in the diary; after the session B marks it attended.
 * At every step the case's status follows, for both partners, on the case page and on the clients' status pages.
 */
class CoupleJourneyBrowserIT extends BrowserTest {

    private static final DateTimeFormatter PICKER_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCoupleReferredByOneTherapistAndBookedWithAnotherIsOpenedFromTheSessionAndTheStatusFollows() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String surname = ReviewTestData.uniqueWord();
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + surname));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + surname));
        clientSees(alex.receipt().statusToken(), "We've received your form");

        // ---- therapist A opens the couple's case (in review) and refers them to couples work ----
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/cases/" + alex.reference());
        assertThat(page.locator(".care-status")).hasText("Status: In review");
        // side by side by name: Sam's answers in one column all down the page, and every score whole on its line
        Locator partnerColumn = page.locator(".answers-table thead th:nth-child(3)");
        assertThat(partnerColumn.first()).hasText("Partner: Sam " + surname);
        assertEquals(1, ((Number) partnerColumn.evaluateAll("heads => new Set(heads.map(head => "
                + "Math.round(head.getBoundingClientRect().left))).size")).intValue(), "Sam's column moves");
        assertThat(page.locator(".scores-table thead")).containsText("Partner: Sam " + surname);
        assertEquals(0, ((Number) page.locator(".score-total").evaluateAll(
                "totals => totals.filter(total => total.getClientRects().length > 1).length")).intValue(),
                "a score broken over two lines");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide referral")).click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Couples therapy").setExact(true)).check();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Reason")).fill(
                "Both describe distance and numbness; joint work first.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save decision")).click();
        waitForVaadin();
        assertThat(page.locator(".care-status")).hasText("Status: Referred");
        assertThat(page.locator(".case-facts")).containsText("Assigned to Dr Amira Khan");
        open("/staff/cases/" + sam.reference());
        assertThat(page.locator(".care-status")).hasText("Status: Referred"); // the partner's case follows
        clientSees(sam.receipt().statusToken(), "A therapist has decided the next step");

        // ---- the practice manager books the couple with therapist B ----
        useDesktop();
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar?case=" + alex.reference());
        choose("Kind of session", "Couples session");
        choose("Therapist", "Tom Whitfield");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Online").setExact(true)).check();
        LocalDate day = freeDayForTom();
        Locator when = page.locator("vaadin-date-time-picker:visible");
        when.locator("vaadin-date-picker input").fill(PICKER_DATE.format(day));
        when.locator("vaadin-date-picker input").press("Enter");
        when.locator("vaadin-time-picker input").fill("10:00");
        when.locator("vaadin-time-picker input").press("Enter");
        waitForVaadin();
        Locator book = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true));
        book.click();
        assertThat(book).isHidden();
        waitForVaadin();
        long appointmentId = jdbc.queryForObject("select id from appointment where intake_id = ? and state = "
                + "'BOOKED'", Long.class, alex.id());
        assertThat(jdbc.queryForObject("select therapist_id from appointment where id = ?", Long.class,
                appointmentId)).isEqualTo(data.idOf("tom"));
        assertThat(statusOf(alex.id())).isEqualTo("SCHEDULED");
        assertThat(statusOf(sam.id())).isEqualTo("SCHEDULED");
        clientSees(alex.receipt().statusToken(), "Your first session is on");

        // ---- therapist B finds the session in the diary and opens the case from it ----
        useDesktop();
        open("/login");
        signInAs("tom", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar?date=" + day);
        Locator couplesSession = page.locator(".session-block").filter(new Locator.FilterOptions()
                .setHasText("Alex " + surname));
        // both partners' names whole in the week's narrow column (on one line they ended "Alex … & Sa…")
        couplesSession.scrollIntoViewIfNeeded();
        PhoneFit.assertWholeTextShown(page, "the couple's names in the week", 1280,
                couplesSession.locator(".session-clients"), "Alex " + surname + " & Sam " + surname);
        couplesSession.click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the case")).click();
        waitForVaadin();
        assertThat(page).hasURL(Pattern.compile(".*/staff/cases/" + alex.reference() + "$"));
        assertThat(page.locator("h2:visible").first()).containsText("Alex " + surname);
        assertThat(page.locator(".care-status")).hasText("Status: Scheduled");

        // ---- the session happens (time passes), B marks it attended: therapy has started, for both ----
        ZonedDateTime held = ZonedDateTime.of(LocalDate.now(Application.PRACTICE_ZONE).minusDays(1),
                LocalTime.of(9, 5 * ThreadLocalRandom.current().nextInt(6)), Application.PRACTICE_ZONE);
        jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?", Timestamp.from(held.toInstant()),
                Timestamp.from(held.plusMinutes(80).toInstant()), appointmentId);
        open("/staff/calendar?date=" + held.toLocalDate() + "&session=" + appointmentId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark attended")).click();
        waitForVaadin();
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, appointmentId))
                .isEqualTo("ATTENDED");
        open("/staff/cases/" + alex.reference());
        assertThat(page.locator(".care-status")).hasText("Status: In therapy");
        assertThat(page.locator(".care-stage")).containsText("1 attended");
        open("/staff/cases/" + sam.reference());
        assertThat(page.locator(".care-status")).hasText("Status: In therapy");
        clientSees(alex.receipt().statusToken(), "No session is booked at the moment.");
        clientSees(sam.receipt().statusToken(), "No session is booked at the moment.");
        AxeCore.check(page, "the client's status page in therapy");
    }

    /** The client's own status page, with no staff cookies, says where things stand. */
    private void clientSees(String statusToken, String wording) {
        useDesktop();
        open("/status/" + statusToken);
        assertThat(page.locator(".status-view")).containsText(wording);
    }

    private String statusOf(long intakeId) {
        return jdbc.queryForObject("select status from intake where id = ?", String.class, intakeId);
    }

    /** A weekday years ahead with nothing in Tom's diary, so the booking goes through at 10:00. */
    private LocalDate freeDayForTom() {
        long tom = jdbc.queryForObject("select id from staff_account where username = 'tom'", Long.class);
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate day = LocalDate.of(2034 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
            if (day.getDayOfWeek().getValue() > 5) {
                continue;
            }
            Integer taken = jdbc.queryForObject("""
                    select (select count(*) from appointment where therapist_id = ? and state <> 'CANCELLED'
                               and starts_at < ? and ends_at > ?)
                         + (select count(*) from time_away where therapist_id = ? and ? between first_day and last_day)
                         + (select count(*) from closed_day where day = ? and not open)""", Integer.class, tom,
                    Timestamp.from(day.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant()),
                    Timestamp.from(day.atStartOfDay(Application.PRACTICE_ZONE).toInstant()), tom, day, day);
            if (taken == 0) {
                return day;
            }
        }
        throw new IllegalStateException("No free day for Tom");
    }

    /** Opens the drop-down with this label and picks the option that starts with {@code option}. */
    private void choose(String label, String option) {
        Locator select = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^" + label + "(\\s|$)")));
        select.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^" + option))).first().click();
        assertThat(select).containsText(option);
        waitForVaadin();
    }
}
