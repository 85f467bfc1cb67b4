package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.base.PracticeTime;
import app.thaw.base.ids.IntakeId;
import app.thaw.dev.DemoStaffAccounts;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.SessionView;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * The diary on phones 320 and 390 px wide is as tall as its day, and the page scrolls it, as a thumb expects: no box
 * of its own inside the page catches the thumb. Dr Amira Khan opens the day (a phone's first view), then the week, of
 * an evening session; swiping up on the diary moves the page (the diary's box never scrolls up or down) until 20:30,
 * the day's last half hour, and the session at 20:00 show whole on the screen, with nothing sticking out sideways. On
 * a desktop the diary keeps its own scrolling box under the toolbar, as before. On a phone the booking dialog has every
 * field inside it, reads a date and time as typed, and a weekly series that clashes lists its clashes focused and
 * whole.
 */
class DiaryOnPhonesBrowserIT extends StaffPhoneTest {

    /** The page's scroller (the app layout's content) and the diary's box, once a swipe has come to rest. */
    private static final String SCROLLED = """
            () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
              const parentOf = n => n.assignedSlot || n.parentElement || (n.parentNode && n.parentNode.host) || null;
              let pageBox = document.scrollingElement;
              for (let n = parentOf(document.querySelector('.calendar-view')); n && n.nodeType === 1; n = parentOf(n)) {
                if (/auto|scroll/.test(getComputedStyle(n).overflowY)) {
                  pageBox = n;
                  break;
                }
              }
              const diary = document.querySelector('.diary-scroll');
              done({ page: pageBox.scrollTop, pageEnd: pageBox.scrollTop + pageBox.clientHeight
                  >= pageBox.scrollHeight - 1, diary: diary.scrollTop, diaryHeight: diary.scrollHeight,
                diaryBox: diary.clientHeight });
            })))""";

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    CaseAssignments assignments;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {320, 390})
    void aTherapistReachesTheEndOfTheDayByScrollingThePageOnAPhone(int width) {
        // short enough to stand whole in a 390 px week's block whatever its random letters ("Jules Zqmvygmpey" was not)
        String client = "Jo " + ReviewTestData.uniqueWord().substring(0, 7);
        SessionView session = eveningSessionWithAmira(client);
        String time = PracticeTime.TIME.format(session.start()) + "–" + PracticeTime.TIME.format(session.end());

        usePhone(width, width == 320 ? 640 : 844);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar?date=" + session.start().toLocalDate());
        // a phone opens on the day: the week showed two and a half days and scrolled sideways for the rest
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Day").setExact(true)))
                .isChecked();
        assertThat(page.locator(".diary-day-head")).hasCount(1);
        assertThat(sessionBlock(client)).hasCount(1);
        wholeDayByScrollingThePage("the day", width, client, time);

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Week").setExact(true)).click();
        waitForVaadin();
        assertThat(page.locator(".diary-day-head")).hasCount(7);
        // back to the top of the page, as a person swipes down to the toolbar
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous")).scrollIntoViewIfNeeded();
        wholeDayByScrollingThePage("the week", width, client, time);
        // chosen, the week stays: "Today" shows this week, not today alone
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Today")).click();
        waitForVaadin();
        assertThat(page.locator(".diary-day-head")).hasCount(7);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {320, 390})
    void theBookingDialogOnAPhoneHasEveryFieldInsideItAndReadsATypedDateAndTime(int width) {
        usePhone(width, width == 320 ? 640 : 844);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book session")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Book a session");
        waitForVaadin();
        // the date and time side by side ran 146 px past the dialog's edge at 320 px, the time out of reach
        Locator panel = dialog.locator("vaadin-dialog-overlay");
        assertThat(panel).isVisible();
        BoundingBox box = panel.boundingBox();
        Locator inputs = dialog.locator("input:visible");
        assertThat(inputs.count()).as("reference, kind, therapist, date, time").isGreaterThanOrEqualTo(5);
        for (int i = 0; i < inputs.count(); i++) {
            BoundingBox field = inputs.nth(i).boundingBox();
            assertThat(field.x + field.width).as("input %d's right edge in the %s px dialog", i, width)
                    .isLessThanOrEqualTo(box.x + box.width);
        }
        Locator when = dialog.locator("vaadin-date-time-picker");
        LocalDate day = LocalDate.now(PracticeTime.ZONE).plusDays(40);
        Locator date = when.locator("vaadin-date-picker input");
        date.fill(day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear());
        date.press("Enter");
        Locator time = when.locator("vaadin-time-picker input");
        time.fill("2.30pm");
        time.press("Enter");
        time.press("Tab");
        waitForVaadin();
        assertThat(date).hasValue(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day));
        assertThat(time).hasValue("14:30");
    }

    @Test
    void aWeeklySeriesThatClashesOnAPhoneShowsItsClashesFocusedAndWhole() {
        var data = data();
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long amira = data.idOf("amira");
        var client = data.submit(IntakeFixtures.completeAnswers("Noor " + ReviewTestData.uniqueWord()));
        var blocker = data.submit(IntakeFixtures.completeAnswers("Ola " + ReviewTestData.uniqueWord()));
        LocalDate tuesday = WorkingWeekData.farMonday().plusDays(1);
        week.book(week.online(blocker.id(), amira, WorkingWeekData.at(tuesday.plusWeeks(1), 15, 40)));

        usePhone(320, 640);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar?date=" + tuesday);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book session")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Book a session");
        waitForVaadin();
        Locator reference = dialog.getByLabel("Case reference");
        reference.fill(client.reference());
        reference.press("Tab");
        dialog.getByText("Online", new Locator.GetByTextOptions().setExact(true)).click();
        Locator when = dialog.locator("vaadin-date-time-picker");
        Locator date = when.locator("vaadin-date-picker input");
        date.fill(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy").format(tuesday));
        date.press("Enter");
        // a phone's calendar fills the screen and stays open over the form until it is put away
        Locator calendar = page.locator("vaadin-date-picker-overlay");
        if (calendar.isVisible()) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).last().click();
        }
        assertThat(date).hasValue(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(tuesday));
        Locator time = when.locator("vaadin-time-picker input");
        time.fill("3.10pm");
        time.press("Enter");
        time.press("Tab");
        waitForVaadin();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern
                .compile("^Repeat"))).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Weekly")).click();
        waitForVaadin();
        Locator count = dialog.getByLabel("Number of sessions");
        count.fill("3");
        count.press("Tab");
        waitForVaadin();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Book").setExact(true)).click();
        waitForVaadin();

        // the week the blocker holds is listed, and focus is taken there (a call the strict policy must allow)
        Locator clashes = dialog.locator(".series-clashes");
        assertThat(clashes).containsText("Booked 2 of 3 sessions");
        assertThat(clashes).containsText("already has a session");
        assertThat(clashes).isFocused();
        PhoneFit.assertNothingCutOff(page, "a series' clashes", 320, clashes);
        assertThat(jdbc.queryForObject("select count(*) from appointment where intake_id = ? and state = 'BOOKED'",
                Integer.class, client.id())).isEqualTo(2);
    }

    @Test
    void anEmptyWeekOnAPhoneCanStillBeReachedByKeyboard() {
        usePhone(390, 844);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        // a week nobody has booked yet: the diary's box scrolls sideways but holds nothing to focus but itself
        open("/staff/calendar?date=" + WorkingWeekData.farMonday().plusYears(3));
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Week").setExact(true)).click();
        waitForVaadin();
        assertThat(page.locator(".diary-day-head")).hasCount(7);
        assertThat(page.locator(".diary-grid")).isVisible();
        AxeCore.check(page, "an empty week of the diary on a phone");
    }

    @Test
    void onADesktopTheDiaryScrollsInItsOwnBoxUnderTheToolbar() {
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar");
        assertThat(page.locator(".diary-grid")).isVisible();
        settle();
        Map<String, Object> scrolled = scrolled();
        assertThat(((Number) scrolled.get("diaryHeight")).intValue()).as("the day in the diary's box")
                .isGreaterThan(((Number) scrolled.get("diaryBox")).intValue());
        assertThat((Boolean) scrolled.get("pageEnd")).as("the page as a whole fits the window").isTrue();
    }

    /**
     * From the top of the diary: its first half hour shows, its box is as tall as the day, and swiping up on it moves
     * the page, never the box, to the end of the page, where the last half hour and the evening session show whole.
     */
    private void wholeDayByScrollingThePage(String what, int width, String client, String time) {
        settle();
        PhoneFit.assertWholeTextShown(page, what + "'s first half hour", width, halfHour("08:00"), "08:00");
        Map<String, Object> before = scrolled();
        assertThat(((Number) before.get("diaryHeight")).intValue())
                .as(what + ": the diary scrolls up and down inside its own box, " + before.get("diaryHeight")
                        + " px of day in " + before.get("diaryBox") + " px")
                .isLessThanOrEqualTo(((Number) before.get("diaryBox")).intValue() + 1);
        Map<String, Object> after = before;
        for (int swipe = 0; swipe < 20 && !(Boolean) after.get("pageEnd"); swipe++) {
            swipeUp(page.locator(".diary-scroll"));
            after = scrolled();
            assertThat(((Number) after.get("diary")).intValue()).as(what + ": the diary's box scrolled").isZero();
        }
        assertThat((Boolean) after.get("pageEnd")).as(what + ": the page scrolled to its end").isTrue();
        assertThat(((Number) after.get("page")).intValue()).as(what + ": the page scrolled")
                .isGreaterThan(((Number) before.get("page")).intValue());
        Locator block = sessionBlock(client);
        assertFits(what + " at the end of the day", width, control("the evening session", block));
        PhoneFit.assertWholeTextShown(page, what + "'s last half hour", width, halfHour("20:30"), "20:30");
        PhoneFit.assertWholeTextShown(page, "the session's time", width, block.locator(".session-time"), time);
        PhoneFit.assertWholeTextShown(page, "the session's client", width, block.locator(".session-clients"),
                client);
    }

    /** A finger on the diary, drawn 300 px up the screen (or less on a short stretch of diary) and lifted. */
    private void swipeUp(Locator on) {
        BoundingBox box = on.boundingBox();
        int height = ((Number) page.evaluate("() => window.innerHeight")).intValue();
        double top = Math.max(box.y, 0);
        double bottom = Math.min(box.y + box.height, height);
        double x = box.x + box.width / 2;
        double from = bottom - 20;
        double distance = Math.min(300, bottom - top - 40);
        var cdp = context.newCDPSession(page);
        try {
            touch(cdp, "touchStart", x, from);
            for (int step = 1; step <= 10; step++) {
                touch(cdp, "touchMove", x, from - distance * step / 10);
            }
            var end = new JsonObject();
            end.addProperty("type", "touchEnd");
            end.add("touchPoints", new JsonArray());
            cdp.send("Input.dispatchTouchEvent", end);
        } finally {
            cdp.detach();
        }
    }

    /** A touch event as Chromium receives a finger's, so its own touch scrolling moves what is under it. */
    private static void touch(CDPSession cdp, String type, double x, double y) {
        var point = new JsonObject();
        point.addProperty("x", x);
        point.addProperty("y", y);
        var points = new JsonArray();
        points.add(point);
        var event = new JsonObject();
        event.addProperty("type", type);
        event.add("touchPoints", points);
        cdp.send("Input.dispatchTouchEvent", event);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scrolled() {
        return (Map<String, Object>) page.evaluate(SCROLLED);
    }

    private Locator halfHour(String time) {
        return page.locator(".diary-time").filter(new Locator.FilterOptions().setHasText(time));
    }

    /** A session of Dr Amira Khan's at 20:00 on a far Monday, outside her hours, booked by the practice manager. */
    private SessionView eveningSessionWithAmira(String client) {
        var data = data();
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long amira = data.idOf("amira");
        var held = data.submit(IntakeFixtures.completeAnswers(client));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(held.id())));
        LocalDate monday = WorkingWeekData.farMonday();
        return week.book(new BookingRequest(held.id(), null, amira, week.type("INDIVIDUAL"), SessionFormat.ONLINE,
                null, WorkingWeekData.at(monday, 20, 0), null, "An evening the client asked for"));
    }
}
