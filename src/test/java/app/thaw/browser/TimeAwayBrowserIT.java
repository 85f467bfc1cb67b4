package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.Application;
import app.thaw.base.ui.UkPickers;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionView;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.dev.DemoStaffAccounts;

/**
 * The practice manager adds a therapist's time away over days with booked sessions: the sessions are listed at once,
 * each is moved to a new time (the clients are emailed), and the diary shows the time away. Then the pages of the
 * working week on a phone: nothing is cut off.
 */
class TimeAwayBrowserIT extends BrowserTest {

    private static final DateTimeFormatter PICKER_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void addingTimeAwayOverBookedSessionsListsThemAndEachIsMovedWithTheClientsTold() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        String name = "Dr Away " + ReviewTestData.uniqueWord();
        long therapist = week.therapist(name);
        var first = data.submit(IntakeFixtures.completeAnswers("Quinn " + ReviewTestData.uniqueWord()));
        var second = data.submit(IntakeFixtures.completeAnswers("Rowan " + ReviewTestData.uniqueWord()));
        var third = data.submit(IntakeFixtures.completeAnswers("Sasha " + ReviewTestData.uniqueWord()));
        LocalDate away = openDay(LocalDate.now(Application.PRACTICE_ZONE).plusDays(15));
        LocalDate back = openDay(away.plusDays(7));
        SessionView morning = week.book(week.online(first.id(), therapist, WorkingWeekData.at(away, 10, 0)));
        SessionView afternoon = week.book(week.online(second.id(), therapist,
                WorkingWeekData.at(away.plusDays(1), 14, 0)));
        SessionView late = week.book(week.online(third.id(), therapist, WorkingWeekData.at(away.plusDays(1), 16, 0)));

        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/admin/diary");
        choose("Therapist", name);
        datePicker("First day away").fill(PICKER_DATE.format(away));
        datePicker("First day away").press("Enter");
        // the first day sets the last day to match; its answer must arrive before the last day is typed over it
        waitForVaadin();
        assertThat(datePicker("Last day away")).hasValue(PICKER_DATE.format(away));
        datePicker("Last day away").fill(PICKER_DATE.format(away.plusDays(1)));
        datePicker("Last day away").press("Enter");
        waitForVaadin();
        assertThat(datePicker("Last day away")).hasValue(PICKER_DATE.format(away.plusDays(1)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add time away")).click();
        waitForVaadin();

        Locator rows = page.locator(".affected-session");
        assertThat(rows).hasCount(3);
        assertThat(rows.first()).containsText("Quinn");
        assertThat(rows.nth(1)).containsText("Rowan");
        assertThat(rows.nth(2)).containsText("Sasha");
        AxeCore.check(page, "the sessions inside new time away");

        move(rows.first(), back, "10:00");
        assertThat(rows).hasCount(2);
        move(rows.first(), back, "14:00");
        assertThat(rows).hasCount(1);
        // the third is cancelled from the same list, the time away offered as the reason
        rows.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel…")).click();
        waitForVaadin();
        assertThat(rows.first().locator("vaadin-text-area textarea"))
                .hasValue(Pattern.compile("Therapist unavailable \\(annual leave\\)"));
        rows.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm cancellation")).click();
        waitForVaadin();
        assertThat(page.getByText("Every session in this time away is dealt with.")).isVisible();

        for (SessionView session : List.of(morning, afternoon)) {
            var startsAt = jdbc.queryForObject("select starts_at from appointment where id = ?", Timestamp.class,
                    session.id()).toInstant().atZone(Application.PRACTICE_ZONE);
            assertThat(startsAt.toLocalDate()).isEqualTo(back);
            assertThat(jdbc.queryForObject("select count(*) from outbox_message where appointment_id = ? "
                    + "and kind = 'CHANGED'", Integer.class, session.id())).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class, late.id()))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where appointment_id = ? "
                + "and kind = 'CANCELLED'", Integer.class, late.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from time_away where therapist_id = ? and first_day = ? "
                + "and last_day = ? and reason = 'ANNUAL_LEAVE'", Integer.class, therapist, away, away.plusDays(1)))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'LEAVE_ADDED' "
                + "and detail like ?", Integer.class, name + "%")).isEqualTo(1);

        // the therapist's diary shows the time away, and the moved sessions a week later
        page.keyboard().press("Escape");
        open("/staff/calendar?date=" + away + "&therapist=" + therapist);
        assertThat(page.locator(".diary-away").first()).containsText("Away · Annual leave");
        open("/staff/calendar?date=" + back + "&therapist=" + therapist);
        assertThat(page.locator(".session-block")).hasCount(2);
    }

    @Test
    void theWorkingWeeksPagesFitAPhone() {
        usePhone();
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        for (String path : List.of("/staff", "/staff/calendar", "/staff/admin/diary", "/staff/admin/practice",
                "/staff/admin/reports", "/staff/admin/audit", "/staff/requests")) {
            open(path);
            assertFits(path);
        }
        open("/staff/calendar");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Team week")).check();
        waitForVaadin();
        assertThat(page.locator(".team-week")).isVisible();
        assertFits("the team week");
    }

    @Test
    void timeAwayTypedTheWayPeopleTypeItIsReadOrExplained() {
        String name = "Dr Typed " + ReviewTestData.uniqueWord();
        long therapist = new WorkingWeekData(new ReviewTestData(intake, staff, jdbc), team, scheduling, jdbc)
                .therapist(name);
        LocalDate day = openDay(LocalDate.now(Application.PRACTICE_ZONE).plusDays(30));

        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/admin/diary");
        choose("Therapist", name);
        // dots, as many people type a date; shown back the practice's way
        Locator first = datePicker("First day away");
        first.fill(day.getDayOfMonth() + "." + day.getMonthValue() + "." + day.getYear());
        first.press("Enter");
        waitForVaadin();
        assertThat(first).hasValue(PICKER_DATE.format(day));
        // a UK calendar's weeks start on Monday
        first.click();
        assertThat(page.locator("vaadin-month-calendar [part~='weekday']")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("\\S"))).first()).hasText("Mon");
        first.press("Escape");

        // a month that does not exist: the field says how to type a date, and nothing is added
        Locator last = datePicker("Last day away");
        last.fill("31/13/" + day.getYear());
        last.press("Enter");
        last.press("Tab");
        waitForVaadin();
        addTimeAway();
        assertThat(page.locator(".time-away").getByText(UkPickers.BAD_DATE)).isVisible();
        assertThat(timeAwayOf(therapist)).isEmpty();

        // part of a day on a 12-hour clock: 2pm is 14:00, not two in the morning
        page.getByLabel("Part of a day").check();
        waitForVaadin();
        timeAway("From").fill("2pm");
        timeAway("From").press("Tab");
        timeAway("To").fill("3.30 pm");
        timeAway("To").press("Tab");
        waitForVaadin();
        addTimeAway();
        assertThat(timeAwayOf(therapist)).containsExactly(day + " 14:00:00-15:30:00");

        // an hour past the day's end is explained, not wrapped round to one in the morning
        timeAway("From").fill("25:00");
        timeAway("From").press("Tab");
        waitForVaadin();
        addTimeAway();
        assertThat(page.locator(".time-away").getByText(UkPickers.BAD_TIME)).isVisible();
        assertThat(timeAwayOf(therapist)).hasSize(1);
    }

    private Locator timeAway(String label) {
        return page.locator(".time-away vaadin-time-picker").filter(new Locator.FilterOptions().setHasText(label))
                .locator("input");
    }

    private void addTimeAway() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add time away")).click();
        waitForVaadin();
    }

    private List<String> timeAwayOf(long therapist) {
        return jdbc.queryForList("select first_day || coalesce(' ' || starts || '-' || ends, '') from time_away"
                + " where therapist_id = ? order by id", String.class, therapist);
    }

    @Test
    void aSessionInTheTeamWeekOpensFromTheKeyboard() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long therapist = week.therapist("Dr Keys " + ReviewTestData.uniqueWord());
        String client = "Tamsin " + ReviewTestData.uniqueWord();
        var submitted = data.submit(IntakeFixtures.completeAnswers(client));
        LocalDate day = openDay(LocalDate.now(Application.PRACTICE_ZONE).plusDays(22));
        week.book(week.online(submitted.id(), therapist, WorkingWeekData.at(day, 11, 0)));

        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar?date=" + day);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Team week")).check();
        waitForVaadin();
        Locator chip = page.locator(".team-week-session").filter(new Locator.FilterOptions().setHasText(client));
        assertThat(chip).hasCount(1);
        // the whole week beside the menu on a 1280 px laptop: Sunday was past the edge until scrolled sideways
        assertThat(page.locator(".team-week-day").last()).hasText(java.util.regex.Pattern.compile("^Sun "));
        assertThat(page.locator(".team-week-day").last()).isInViewport(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions().setRatio(1));
        // and on a tablet, upright with the menu folded or across beside it (734 px for the week)
        for (int[] tablet : new int[][] {{768, 1024}, {1024, 768}}) {
            page.setViewportSize(tablet[0], tablet[1]);
            assertThat(page.locator(".team-week-day").last()).isInViewport(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions().setRatio(1));
            assertThat(chip).isVisible();
        }
        page.setViewportSize(1280, 900);
        // a keyboard user tabs to the session and presses Enter: a filter the strict policy refused unless mapped
        chip.focus();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText(client);
        page.keyboard().press("Escape");
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);

        // in the therapist's own day, Space opens the session as it would a button, without scrolling the page
        open("/staff/calendar?date=" + day + "&therapist=" + therapist);
        Locator block = page.locator(".session-block").filter(new Locator.FilterOptions().setHasText(client));
        block.focus();
        page.keyboard().press("Space");
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText(client);
    }

    /**
     * Nothing wider than the phone: wide content (the diary, charts' tables) scrolls inside its own box, never the page
     * (the document's width alone could not fail: on staff pages the layout's content box scrolls instead).
     */
    private void assertFits(String what) {
        waitForVaadin();
        PhoneFit.assertFits(page, what, 390);
    }

    private void move(Locator row, LocalDate day, String time) {
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move…")).click();
        waitForVaadin();
        Locator picker = row.locator("vaadin-date-time-picker");
        picker.locator("vaadin-date-picker input").fill(PICKER_DATE.format(day));
        picker.locator("vaadin-date-picker input").press("Enter");
        picker.locator("vaadin-time-picker input").fill(time);
        picker.locator("vaadin-time-picker input").press("Enter");
        picker.locator("vaadin-time-picker input").press("Tab");
        waitForVaadin();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move session")).click();
        waitForVaadin();
    }

    private Locator datePicker(String label) {
        return page.locator("vaadin-date-picker").filter(new Locator.FilterOptions().setHasText(label))
                .locator("input");
    }

    /** A weekday that is not a bank holiday, from {@code from} on. */
    private LocalDate openDay(LocalDate from) {
        LocalDate day = from;
        while (day.getDayOfWeek().getValue() > 4 || jdbc.queryForObject(
                "select count(*) from closed_day where day in (?, ?) and not open", Integer.class, day,
                day.plusDays(1)) > 0) {
            day = day.plusDays(1);
        }
        return day;
    }

    private void choose(String label, String option) {
        Locator select = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^" + label + "(\\s|$)")));
        select.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^" + option))).first()
                .click();
        assertThat(select).containsText(option);
        waitForVaadin();
    }
}
