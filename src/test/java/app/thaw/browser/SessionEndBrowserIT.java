package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.scheduling.SessionNoteService;
import app.thaw.care.SessionNoteView;
import app.thaw.intake.IntakeService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.security.StaffFixtures;
import app.thaw.security.StaffPasswords;
import app.thaw.security.StaffRole;

/**
 * A staff screen left alone: two minutes before the 30-minute idle time ends a notice counts down with "Stay signed
 * in"; typing counts as use; then the page signs out, the sign-in page says why and the audit log records it. A long
 * day: five minutes before the 12-hour lifetime a notice says when it ends, once, and the end is told the same way. The
 * browser's clock is moved on (Playwright's fake clock); the server's own rule is {@code StaffSessionLimitsTest}.
 */
class SessionEndBrowserIT extends BrowserTest {

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    JdbcTemplate database;

    @Autowired
    IntakeService intake;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    SessionChanges changes;

    @Autowired
    SessionNoteService notes;

    @Autowired
    CaseAssignments assignments;

    @Autowired
    WebServerApplicationContext server;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    void aScreenLeftAloneWarnsFirstThenSignsOutAndTheSignInPageSaysWhy() {
        var member = staff.member(StaffRole.THERAPIST);
        useDesktop();
        context.clock().install();
        open("/login");
        String secret = signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        open("/staff/waitlist");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();
        Locator warning = page.locator("#idle-warning");

        context.clock().fastForward("27:30");
        page.waitForTimeout(1_500);
        assertThat(warning).isHidden();

        context.clock().fastForward("00:40");
        assertThat(warning).isVisible();
        assertThat(page.locator("#idle-warning-text .idle-left")).hasText(Pattern.compile("in 1:[45]\\d"));
        assertThat(page.getByRole(AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName("Are you still there?"))).isVisible();

        AxeCore.check(page, "the idle notice");
        page.locator("#idle-stay").click();
        assertThat(warning).isHidden();

        // keys pressed send nothing to the server (as in a long note, until the field is left), yet someone is there: 20 + 20 minutes, no notice
        context.clock().fastForward("20:00");
        page.keyboard().type("still writing");
        context.clock().fastForward("20:00");
        page.waitForTimeout(1_500);
        assertThat(warning).isHidden();

        context.clock().fastForward("30:05");
        assertSignedOut(member.id(), "nothing was done for 30 minutes", "after 30 minutes without activity");
        AxeCore.check(page, "the sign-in page after an idle sign-out");

        // signing in again leads back to the page left open
        signInWithSecret(member.username(), StaffFixtures.PASSWORD, secret);
        page.waitForURL(Pattern.compile(".*/staff/waitlist$"));
        assertThat(page.locator("#sign-in-notice")).hasCount(0);
    }

    @Test
    void aTabClosedWithoutSigningOutLeavesASessionTheServerEndsAfterThirtyMinutes() throws Exception {
        var member = staff.member(StaffRole.THERAPIST);
        usePhone(390, 844);
        open("/login");
        String secret = signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        open("/staff/waitlist");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();
        // the tab is closed: no page timer runs, only the server can end the session
        page.navigate("about:blank");
        setBack(sessionId(), "lastUsed", 31);

        open("/staff/waitlist");

        assertSignedOut(member.id(), "nothing was done for 30 minutes", "after 30 minutes without activity");
        signInWithSecret(member.username(), StaffFixtures.PASSWORD, secret);
        page.waitForURL(Pattern.compile(".*/staff/waitlist$"));
    }

    @Test
    void aLongDayEndsTwelveHoursAfterTheSignInWithOneNoticeSayingWhen() throws Exception {
        var member = staff.member(StaffRole.THERAPIST);
        usePhone(320, 640);
        context.clock().install();
        open("/login");
        String secret = signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        open("/staff/waitlist");
        Locator heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true));
        assertThat(heading).isVisible();
        // signed in since early morning, busy all day: four minutes of the twelve hours are left
        setBack(sessionId(), "signedInAt", 12 * 60 - 4);
        page.reload();
        assertThat(heading).isVisible();

        Locator notice = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions()
                .setName("Your session ends soon"));
        assertThat(notice).isVisible();
        assertThat(page.locator("#lifetime-warning-text")).containsText(Pattern.compile(
                "lasts at most 12 hours, so you will be signed out at \\d\\d:\\d\\d, in [34]:\\d\\d\\. Save what"));
        assertThat(page.locator("#idle-stay")).isHidden();
        AxeCore.check(page, "the lifetime notice");
        var box = page.locator("#idle-warning").boundingBox();
        assertThat(box.x).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).isLessThanOrEqualTo(320);
        assertThat(page.locator("#lifetime-carry-on").boundingBox().y + 10).isLessThan(640);

        // read once: work goes on, and neither typing nor the minutes passing bring it back
        page.locator("#lifetime-carry-on").click();
        assertThat(notice).isHidden();
        page.keyboard().type("finishing a letter");
        context.clock().fastForward("02:00");
        page.waitForTimeout(1_500);
        assertThat(notice).isHidden();

        // the notice read and dismissed still covers the screen at the end, before the page goes
        page.evaluate("() => { const notice = document.getElementById('idle-warning'); notice.addEventListener("
                + "'idle-end', () => sessionStorage.setItem('covered', String(notice.open "
                + "&& notice.classList.contains('ended')))); }");
        context.clock().fastForward("02:30");
        assertSignedOut(member.id(), "a session lasts at most 12 hours",
                "after 12 hours signed in, the longest a session lasts");
        assertThat(page.evaluate("() => sessionStorage.getItem('covered')")).isEqualTo("true");
        signInWithSecret(member.username(), StaffFixtures.PASSWORD, secret);
        page.waitForURL(Pattern.compile(".*/staff/waitlist$"));
        assertThat(page.locator("#sign-in-notice")).hasCount(0);
    }

    /** The sign-in page says why the session ended, and the audit log has the same end. */
    private void assertSignedOut(long memberId, String notice, String audited) {
        page.waitForURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("#sign-in-notice")).containsText(notice);
        assertThat(database.queryForList("""
                select detail from audit_entry where actor_id = ? and action = 'SIGN_OUT'""", String.class,
                memberId)).containsExactly(audited);
    }

    private String sessionId() {
        return context.cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID")).findFirst()
                .orElseThrow().value;
    }

    /** Time passes on the server for one session: its last use or sign-in is set back in Tomcat's own store. */
    private void setBack(String sessionId, String attribute, int minutes) throws Exception {
        var tomcat = ((TomcatWebServer) server.getWebServer()).getTomcat();
        var app = (org.apache.catalina.Context) tomcat.getHost().findChildren()[0];
        var session = app.getManager().findSession(sessionId);
        assertThat(session).as("the browser's session on the server").isNotNull();
        session.getSession().setAttribute("app.thaw.security.StaffSessionLimits." + attribute,
                System.currentTimeMillis() - minutes * 60_000L);
    }

    @Test
    void useInOneTabKeepsTheOtherFromWarningAndTheNoticeFitsAPhone() {
        var member = staff.member(StaffRole.THERAPIST);
        Page first = usePhone(320, 640);
        context.clock().install();
        open("/login");
        signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        BrowserContext shared = context;
        Page second = shared.newPage();
        second.navigate(url("/staff/waitlist"));
        assertThat(second.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();

        shared.clock().fastForward("20:00");
        first.keyboard().press("Shift");
        shared.clock().fastForward("09:00");
        second.waitForTimeout(1_500);
        assertThat(second.locator("#idle-warning")).isHidden();
        assertThat(first.locator("#idle-warning")).isHidden();

        shared.clock().fastForward("19:30");
        for (Page tab : new Page[] {first, second}) {
            Locator warning = tab.locator("#idle-warning");
            assertThat(warning).isVisible();
            var box = warning.boundingBox();
            assertThat(box.x).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).isLessThanOrEqualTo(320);
            assertThat(tab.locator("#idle-stay").boundingBox().y + 10).isLessThan(640);
        }

        second.locator("#idle-stay").click();
        assertThat(second.locator("#idle-warning")).isHidden();
        assertThat(first.locator("#idle-warning")).isHidden();
    }

    @Test
    void aSessionNoteHalfWrittenWhenTheSessionEndsIsKeptAsADraft() {
        var member = staff.member(StaffRole.THERAPIST);
        var data = new ReviewTestData(intake, accounts, database);
        var week = new WorkingWeekData(data, administration, scheduling, database);
        String name = "Noor " + ReviewTestData.uniqueWord();
        var client = data.submit(IntakeFixtures.completeAnswers(name));
        data.as(member.username(), () -> assignments.assignToMe(IntakeId.of(client.id())));
        long session = week.book(week.online(client.id(), member.id(),
                WorkingWeekData.at(WorkingWeekData.farMonday(), 10, 0))).id();
        // the last 10:00 that has passed, so the session shows in this week's diary or the one before
        ZonedDateTime now = ZonedDateTime.now(app.thaw.Application.PRACTICE_ZONE);
        LocalDate day = now.getHour() >= 12 ? now.toLocalDate() : now.toLocalDate().minusDays(1);
        week.happened(session, WorkingWeekData.at(day, 10, 0));
        data.as(member.username(), () -> changes.recordOutcome(AppointmentId.of(session),
                AppointmentState.ATTENDED));

        useDesktop();
        context.clock().install();
        open("/login");
        signInFirstTime(member.username(), StaffFixtures.PASSWORD);
        open("/staff/calendar");
        Locator weekChoice = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Week")
                .setExact(true));
        if (!weekChoice.isChecked()) {
            weekChoice.check();
            waitForVaadin();
        }
        if (day.with(DayOfWeek.MONDAY).isBefore(now.toLocalDate().with(DayOfWeek.MONDAY))) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous").setExact(true)).click();
            waitForVaadin();
        }
        sessionBlock(name).click();
        Locator note = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Note").setExact(true));
        String written = "Spoke about the funeral; tearful for the first time in months";
        note.click();
        page.keyboard().type(written);

        // never saved: the therapist was called away with the note half written
        context.clock().fastForward("28:30");
        assertThat(page.locator("#idle-warning")).isVisible();
        assertThat(page.locator("#idle-warning-text")).containsText("except a session note, kept as a draft");
        context.clock().fastForward("02:00");
        page.waitForURL(Pattern.compile(".*/login$"));

        SessionNoteView kept = data.as(member.username(), () -> notes.note(AppointmentId.of(session))).orElseThrow();
        assertThat(kept.locked()).isFalse();
        assertThat(kept.sections()).extracting(SessionNoteView.Section::text).containsExactly(written);
    }
}
