package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.outcomes.MeasureLinks;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;
import app.thaw.dev.DemoStaffAccounts;

/**
 * A client in therapy answers the questions before their next session on a phone (320 and 390 px: nothing cut off,
 * axe clean, a missed question explained), and their therapist then sees the new point in the case's chart and table.
 */
class OutcomeMeasuresBrowserIT extends BrowserTest {

    @Autowired IntakeService intake;
    @Autowired StaffAccountService staff;
    @Autowired ReferralService referrals;
    @Autowired SchedulingService scheduling;
    @Autowired SessionChanges changes;
    @Autowired MeasureLinks links;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aClientAnswersARepeatMeasureOnAPhoneAndTheTherapistSeesTheNewPoint() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(IntakeFixtures.completeAnswers("Robin " + ReviewTestData.uniqueWord()));
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(client.id()), ReferralKind.INDIVIDUAL,
                "Individual work.",
                null));
        long amira = data.idOf("amira");
        long first = book(data, client.id(), amira);
        move(first, pastHour());
        data.as("amira", () -> changes.recordOutcome(AppointmentId.of(first), AppointmentState.ATTENDED));
        long second = book(data, client.id(), amira);
        move(second, soon());
        SystemActor.call(links::sendDue);

        // on the smallest phone (320×640, WCAG's reflow width): every word of the form shows, with and without its
        // problems, and nothing scrolls sideways
        usePhone(320, 640);
        openTheMeasureForm(client.receipt().statusToken());
        assertFitsTheScreen("the measure form at 320 px");
        assertTrue(Reflow.textsChecked(page) > 21, "the form's questions and options were looked at");
        Reflow.assertEveryWordVisible(page, "the measure form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        assertThat(page.locator("#error-summary")).containsText("Please answer every question");
        waitForVaadin();
        assertFitsTheScreen("the measure form with its problems at 320 px");
        Reflow.assertEveryWordVisible(page, "the measure form with its problems");
        assertTrue(jdbc.queryForObject("select count(*) from measure_response where intake_id = ? and source = "
                + "'CLIENT'", Integer.class, client.id()) == 0, "nothing saved from a form with no answers");

        // on the phone: the status page offers the questions, the form fits and passes axe
        usePhone();
        openTheMeasureForm(client.receipt().statusToken());
        assertFitsTheScreen("the measure form");
        AxeCore.check(page, "the measure form");

        // every answer but one, then send: the missed question is named at the top and at the field
        for (String id : new String[] {"phq9-1", "phq9-2", "phq9-3", "phq9-4", "phq9-5", "phq9-6", "phq9-7",
                "phq9-8", "phq9-9", "gad7-1", "gad7-2", "gad7-3", "gad7-4", "gad7-5", "gad7-6", "gad7-7",
                "numbness-numb", "numbness-cant_cry", "numbness-guilt", "numbness-chest_pressure"}) {
            page.locator("#q-" + id + " vaadin-radio-button").first().click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        assertThat(page.locator("#error-summary")).containsText("Please answer every question");
        waitForVaadin();
        assertFitsTheScreen("the measure form with an error");
        AxeCore.check(page, "the measure form with an error");
        page.locator("#q-numbness-stuck vaadin-radio-button").nth(1).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
        assertThat(page.locator("#measures-sent")).isVisible();
        assertTrue(jdbc.queryForObject("select phq9 from measure_response where intake_id = ? and source = 'CLIENT'",
                Integer.class, client.id()) == 0, "all 'Not at all' scores 0");

        // the therapist's desk: the case's chart has the intake's point and the new one, and so does its table
        useDesktop();
        open("/staff");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/cases/" + client.reference() + "/measures");
        var phq9 = page.locator("#measure-phq9");
        assertThat(phq9.locator("svg circle.point")).hasCount(2);
        assertThat(phq9.locator("svg .threshold")).hasCount(1);
        assertThat(phq9.locator("table tbody tr")).hasCount(2);
        assertThat(phq9.locator("table tbody tr").nth(0)).containsText("(first form)");
        assertThat(phq9.locator("table tbody tr").nth(1).locator("td")).hasText("0");
        AxeCore.check(page, "the case's outcome measures");
    }

    /** From the status page, as the client would: the button offering the questions, then the form. */
    private void openTheMeasureForm(String statusToken) {
        open("/status/" + statusToken);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("Answer 21 questions for .*"))).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("A few questions before your appointment"))).isVisible();
        waitForVaadin();
    }

    /** Nothing makes a phone scroll sideways (WCAG 1.4.10, reflow). */
    private void assertFitsTheScreen(String where) {
        var overflow = (Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, where + " is " + overflow + "px wider than the phone's screen");
    }

    private long book(ReviewTestData data, long clientId, long therapist) {
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        BookingResult result = null;
        for (int attempt = 0; attempt < 5 && !(result instanceof BookingResult.Booked); attempt++) {
            ZonedDateTime start = app.thaw.FreeTimes.next();
            result = data.as("admin", () -> scheduling.book(new BookingRequest(clientId, null, therapist, type,
                    SessionFormat.ONLINE, null, start, null)));
        }
        assertTrue(result instanceof BookingResult.Booked, "not booked: " + result);
        return ((BookingResult.Booked) result).session().id();
    }

    private static Instant pastHour() {
        var random = ThreadLocalRandom.current();
        return ZonedDateTime.of(LocalDate.of(2022, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                LocalTime.of(8 + random.nextInt(10), 5 * random.nextInt(12)), Application.PRACTICE_ZONE).toInstant();
    }

    private static Instant soon() {
        return Instant.now().plus(2, ChronoUnit.HOURS)
                .plus(ThreadLocalRandom.current().nextInt(20 * 60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    }

    private void move(long appointmentId, Instant start) {
        for (int attempt = 0; ; attempt++) {
            Instant at = attempt == 0 ? start : start.plus(attempt * 7L, ChronoUnit.MINUTES);
            try {
                jdbc.update("update appointment set starts_at = ?, ends_at = ? where id = ?", Timestamp.from(at),
                        Timestamp.from(at.plus(50, ChronoUnit.MINUTES)), appointmentId);
                return;
            } catch (org.springframework.dao.DataIntegrityViolationException taken) {
                if (attempt > 20) {
                    throw taken;
                }
            }
        }
    }
}
