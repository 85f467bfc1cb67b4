package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.Supplier;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.StaffId;
import app.thaw.Application;
import app.thaw.intake.IntakeService;
import app.thaw.review.CareActions;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.security.StaffAccountService;
import app.thaw.dev.DemoStaffAccounts;
import app.thaw.waitlist.WaitlistTestData;

/**
 * The waiting list in a real browser: a couple referred and put on the waiting list is offered times by their
 * therapist; at 320 px every word of the offered times shows, on the status page and the emailed offer page; one
 * partner chooses on a phone, and both partners then see the session on their own status pages. A client moves their
 * own session to another free time on phones of 320 and 390 px.
 */
class WaitlistBrowserIT extends BrowserTest {

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
    DiarySetupService setup;

    @Autowired
    app.thaw.scheduling.SchedulingService scheduling;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    ReviewTestData data;
    WaitlistTestData waiting;

    @BeforeEach
    void arrange() {
        data = new ReviewTestData(intake, staff, jdbc);
        waiting = new WaitlistTestData(data, caseOpening, referrals, care, jdbc);
    }

    @Test
    void aCoupleFromReferralToWaitingListToOfferToOnePartnerBookingOnAPhoneAndBothSeeingTheSession() {
        // ---- referred and put on the waiting list through the services, as the therapist would ----
        String surname = ReviewTestData.uniqueWord();
        var couple = waiting.waitingCouple(surname);
        long amira = data.idOf("amira");
        LocalDate day = freeDayFor(amira);
        as("admin", () -> {
            setup.addException(StaffId.of(amira), day, true, LocalTime.of(10, 0), LocalTime.of(13, 30),
                    "Extra " + surname);
            return null;
        });

        // ---- the therapist sees the couple waiting and offers them times ----
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/waitlist");
        assertThat(page.locator("#waitlist-summary")).containsText("Couples:");
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Alex " + surname + " & Sam " + surname));
        assertThat(row).hasCount(1);
        GridColumns.assertHeadingsOverTheirColumns(page, "the waiting list");
        // a laptop beside the menu holds all eight: with the date beside the wait the row ran 1,140 px in 990
        org.assertj.core.api.Assertions.assertThat(GridColumns.assertAllColumnsInSight(
                page.locator("vaadin-grid.waitlist-grid"), "the waiting list at 1280 px")).endsWith("Availability");
        // the case's cell says its service; a routine case shows no urgent badge
        Locator coupleCase = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(couple.alex().reference()));
        assertThat(coupleCase).containsText("Couples");
        assertThat(coupleCase.locator("[theme~='badge']")).isHidden();
        // on a laptop, beside the menu, the row's action is on screen without scrolling the list sideways (other
        // tests' cases may stand above it, so the list scrolls down to it)
        page.locator("#offer-" + couple.alex().reference()).scrollIntoViewIfNeeded();
        org.assertj.core.api.Assertions.assertThat(((Number) page.locator("vaadin-grid.waitlist-grid").evaluate(
                "grid => grid.shadowRoot.querySelector('#table').scrollLeft")).doubleValue()).as("scrolled sideways")
                .isZero();
        assertThat(page.locator("#offer-" + couple.alex().reference()))
                .isInViewport(new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions()
                        .setRatio(1));
        page.locator("#offer-" + couple.alex().reference()).click();
        Locator times = page.locator("#offer-times vaadin-checkbox");
        assertThat(times.first()).isVisible();
        times.nth(0).click();
        times.nth(1).click();
        page.locator("#make-offer").click();
        assertThat(page.locator("#make-offer")).isHidden();
        waitForVaadin();
        assertThat(jdbc.queryForObject("""
                select count(*) from held_slot s join slot_offer_time t on t.slot_id = s.id
                  join slot_offer o on o.id = t.offer_id join waitlist_entry e on e.id = o.entry_id
                 where e.intake_id = ? and s.state = 'HELD'""", Integer.class, couple.alex().id())).isEqualTo(2);
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Offered, waiting for the client"))).not().hasCount(0);

        // ---- on the smallest phone (320 px, WCAG's reflow width) both of Sam's ways in show every word ----
        usePhone(320, 640);
        open("/status/" + couple.sam().receipt().statusToken());
        assertThat(page.getByText("Choose a time for your first session")).isVisible();
        Locator chooseOnStatus = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Choose ")));
        assertThat(chooseOnStatus).hasCount(2);
        assertWithinTheScreen(chooseOnStatus, 320);
        Reflow.assertEveryWordVisible(page, "the status page with times offered");
        open("/offer/" + waiting.offerLink(couple.sam().id()));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your first session")))
                .isVisible();
        Locator chooseOnLink = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Choose this time"));
        assertThat(chooseOnLink).hasCount(2);
        assertWithinTheScreen(chooseOnLink, 320);
        Reflow.assertEveryWordVisible(page, "the offer page from the email");
        AxeCore.check(page, "the offer page from the email, at 320 px");

        // ---- Sam chooses the first time on a phone ----
        usePhone();
        assertThat(context.cookies()).isEmpty();
        open("/status/" + couple.sam().receipt().statusToken());
        assertThat(page.getByText("Choose a time for your first session")).isVisible();
        Locator choose = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Choose ")));
        assertThat(choose).hasCount(2);
        double width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).doubleValue();
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390.0);
        Reflow.assertEveryWordVisible(page, "the status page with times offered");
        choose.first().click();
        assertThat(page.locator(".wizard-notice").filter(new Locator.FilterOptions().setHasText("your session is booked for"))).hasCount(1);
        Locator sessions = page.locator(".client-sessions .client-session");
        assertThat(sessions).hasCount(1);
        assertThat(sessions).containsText("Couples session with Dr Amira Khan");
        AxeCore.check(page, "the status page after choosing an offered time, on a phone");

        // ---- Alex, on their own phone, sees the same session and that Sam chose it ----
        usePhone();
        open("/status/" + couple.alex().receipt().statusToken());
        assertThat(page.locator("#offer-note")).containsText("Your partner has chosen a time");
        assertThat(page.locator(".client-sessions .client-session")).hasCount(1);
        assertThat(page.locator(".client-sessions .client-session")).containsText("Couples session with Dr Amira Khan");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose this time")))
                .hasCount(0);
        assertThat(jdbc.queryForObject("""
                select count(*) from appointment where intake_id in (?, ?) and partner_intake_id in (?, ?)
                   and state = 'BOOKED'""", Integer.class, couple.alex().id(), couple.sam().id(), couple.alex().id(),
                couple.sam().id())).isEqualTo(1);
    }

    @Test
    void aSessionTheClientCancelsOnTheirPhoneIsBackfilledFromTheWaitingListWithOneClick() {
        String surname = ReviewTestData.uniqueWord();
        // a long name, as some clients have: the button offering them a freed time names them in full
        var waitingClient = waiting.waitingClient("Wren Alexandra-Louise " + surname);
        // Wren leads the list (urgent, waiting longest), so the freed time is suggested for Wren first
        jdbc.update("update waitlist_entry set urgent = true, added_at = now() - interval '3650 days' where intake_id = ?",
                waitingClient.id());
        var leaving = data.submit(app.thaw.intake.IntakeFixtures.completeAnswers("Lee " + surname));
        long amira = data.idOf("amira");
        LocalDate day = freeDayFor(amira, 3);
        var start = java.time.ZonedDateTime.of(day, LocalTime.of(11, 0), Application.PRACTICE_ZONE);
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var booked = as("admin", () -> scheduling.book(new app.thaw.scheduling.BookingRequest(leaving.id(), null, amira,
                individual, app.thaw.scheduling.SessionFormat.ONLINE, null, start, null)));
        assertThat(booked).isInstanceOf(app.thaw.scheduling.BookingResult.Booked.class);
        try {
            // ---- Lee cancels on their phone, days ahead ----
            usePhone();
            open("/status/" + leaving.receipt().statusToken());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this session")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel the session")).click();
            assertThat(page.locator(".client-session")).hasCount(0);

            // ---- the therapist offers the freed time to the best-fitting waiting case with one click ----
            useDesktop();
            open("/login");
            signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
            open("/staff/waitlist");
            Locator freed = page.locator("#freed-times .freed-time").filter(new Locator.FilterOptions()
                    .setHasText(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.UK)
                            .format(start)));
            assertThat(freed).hasCount(1);
            // the same page on a 320 px phone: the button naming whom the time fits wraps inside the screen (its one
            // line pushed the page sideways)
            page.setViewportSize(320, 640);
            open("/staff/waitlist");
            Locator offerToWren = freed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("Offer to Wren Alexandra-Louise " + surname)));
            offerToWren.scrollIntoViewIfNeeded();
            waitForVaadin();
            PhoneFit.assertFits(page, "a freed time on a phone", 320, new PhoneFit.Control("its offer button",
                    offerToWren));
            page.setViewportSize(1280, 800);
            open("/staff/waitlist");
            // Wren's case says it is urgent, under its reference
            Locator wrenCase = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(waitingClient.reference()));
            assertThat(wrenCase.locator("[theme~='badge']")).isVisible();
            assertThat(wrenCase).containsText("Individual");
            freed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile(
                    "Offer to Wren Alexandra-Louise " + surname))).click();
            waitForVaadin();
            assertThat(freed).hasCount(0);

            // ---- Wren takes it from their status page ----
            usePhone();
            open("/status/" + waitingClient.receipt().statusToken());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile(
                    "^Choose "))).click();
            assertThat(page.locator(".wizard-notice").filter(new Locator.FilterOptions().setHasText("your session is booked for"))).hasCount(1);
            assertThat(page.locator(".client-sessions .client-session")).hasCount(1);
            assertThat(jdbc.queryForObject("select count(*) from appointment where intake_id = ? and starts_at = ? "
                    + "and state = 'BOOKED'", Integer.class, waitingClient.id(), Timestamp.from(start.toInstant())))
                    .isEqualTo(1);
        } finally {
            jdbc.update("update waitlist_entry set urgent = false, added_at = now() where intake_id = ?",
                    waitingClient.id());
        }
    }

    @Test
    void aClientMovesTheirOwnSessionToAnotherFreeTimeOnPhonesOf320And390Px() {
        String surname = ReviewTestData.uniqueWord();
        var client = data.submit(app.thaw.intake.IntakeFixtures.completeAnswers("Kit " + surname));
        long amira = data.idOf("amira");
        LocalDate day = freeDayFor(amira, 4);
        // extra hours that day: the free times the client sees are the therapist's own
        as("admin", () -> {
            setup.addException(StaffId.of(amira), day, true, LocalTime.of(10, 0), LocalTime.of(13, 30),
                    "Extra " + surname);
            return null;
        });
        var start = java.time.ZonedDateTime.of(day, LocalTime.of(11, 0), Application.PRACTICE_ZONE);
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var booked = as("admin", () -> scheduling.book(new app.thaw.scheduling.BookingRequest(client.id(), null, amira,
                individual, app.thaw.scheduling.SessionFormat.ONLINE, null, start, null)));
        assertThat(booked).isInstanceOf(app.thaw.scheduling.BookingResult.Booked.class);

        // ---- at 320 px the free times and every word of the dialog fit the screen ----
        usePhone(320, 640);
        open("/status/" + client.receipt().statusToken());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to another time")).click();
        Locator freeTimes = page.locator("vaadin-radio-button");
        assertThat(freeTimes.first()).isVisible();
        assertWithinTheScreen(freeTimes, 320);
        Reflow.assertEveryWordVisible(page, "the move dialog at 320 px");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep the session")).click();

        // ---- at 390 px the client chooses the first free time and the page says it has moved ----
        usePhone();
        open("/status/" + client.receipt().statusToken());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to another time")).click();
        // usePhone() opened a new page: the locator must be made on it
        freeTimes = page.locator("vaadin-radio-button");
        assertThat(freeTimes.first()).isVisible();
        assertWithinTheScreen(freeTimes, 390);
        freeTimes.first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move my session")).click();
        assertThat(page.locator(".wizard-notice").filter(new Locator.FilterOptions()
                .setHasText("Your session has moved from"))).hasCount(1);
        assertThat(page.locator(".client-sessions .client-session")).hasCount(1);
        assertThat(jdbc.queryForObject("select starts_at from appointment where intake_id = ? and state = 'BOOKED'",
                Timestamp.class, client.id()).toInstant()).isNotEqualTo(start.toInstant());
    }

    /** Every one of these is on screen whole: nothing to scroll sideways for, nothing cut at the edge. */
    private void assertWithinTheScreen(Locator all, int width) {
        double scrollWidth = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).doubleValue();
        assertThat(scrollWidth).as("the page's width on a " + width + " px phone").isLessThanOrEqualTo(width);
        for (int i = 0; i < all.count(); i++) {
            var box = all.nth(i).boundingBox();
            assertThat(box.x).as("left edge of " + all.nth(i).innerText()).isGreaterThanOrEqualTo(0.0);
            assertThat(box.x + box.width).as("right edge of " + all.nth(i).innerText()).isLessThanOrEqualTo(width);
        }
    }

    private LocalDate freeDayFor(long therapistId) {
        return freeDayFor(therapistId, 1);
    }

    private LocalDate freeDayFor(long therapistId, int daysAhead) {
        LocalDate tomorrow = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE)).plusDays(daysAhead);
        for (LocalDate day = tomorrow; day.isBefore(tomorrow.plusDays(30)); day = day.plusDays(1)) {
            Timestamp from = Timestamp.from(day.atStartOfDay(Application.PRACTICE_ZONE).toInstant());
            Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant());
            Integer busy = jdbc.queryForObject("""
                    select (select count(*) from diary_claim where therapist_id = ? and during && tstzrange(?, ?))
                         + (select count(*) from working_exception where therapist_id = ? and day = ?)
                         + (select count(*) from closed_day where day = ?)
                         + (select count(*) from time_away where therapist_id = ? and ? between first_day and last_day)""",
                    Integer.class, therapistId, from, to, therapistId, day, day, therapistId, day);
            if (busy == 0) {
                return day;
            }
        }
        throw new IllegalStateException("No free day in the next month");
    }

    private <T> T as(String username, Supplier<T> work) {
        return data.as(username, work);
    }
}
