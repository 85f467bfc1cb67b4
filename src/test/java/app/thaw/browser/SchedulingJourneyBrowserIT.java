package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.Application;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ReviewTestData;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;
import app.thaw.dev.DemoStaffAccounts;

/**
 * The main scheduling journey in a real browser: a therapist books a couples session for a case from a link,
 * the client sees it on their status page, the practice manager moves it, and both partners are emailed the
 * new time (with an updated calendar invitation) and nothing clinical.
 */
class SchedulingJourneyBrowserIT extends BrowserTest {

    private static final DateTimeFormatter DIARY_DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** Words from the intake (answers, scales) that must never reach an email. */
    private static final Pattern CLINICAL = Pattern.compile(
            "(?i)\\b(cry|cried|crying|tears|numb\\w*|phq\\S*|gad\\S*|burn ?out|anxi\\w*|depress\\w*|mood|grief|"
                    + "suicid\\w*|self-harm|risk|medication|dad|died|couples?)\\b");
    private static final LocalTime EXTRA_FROM = LocalTime.of(10, 0);
    private static final LocalTime EXTRA_TO = LocalTime.of(13, 30);
    private static final LocalTime BOOKED_AT = LocalTime.of(10, 0);
    private static final LocalTime MOVED_TO = LocalTime.of(14, 0);
    private static final int COUPLES_MINUTES = 80;

    @Autowired
    IntakeService intake;

    @Autowired
    app.thaw.review.CaseAssignments assignments;

    @Autowired
    app.thaw.review.ReferralService referrals;

    @Autowired
    DiarySetupService setup;

    @Autowired
    StaffAccountService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    private record Partner(long id, String name, String email, SubmissionReceipt receipt) {
    }

    @Test
    void therapistBooksACouplesSessionTheClientSeesItAndTheManagerMovesIt() {
        // ---- arranged through the services, as clients and the practice manager would ----
        String surname = uniqueWord();
        Partner first = submit(null, "Alex " + surname);
        Partner second = submit(first.receipt().partnerInvitationToken(), "Sam " + surname);
        assertThat(jdbc.queryForObject("""
                select count(*) from intake a join intake b on b.couple_case_id = a.couple_case_id
                 where a.id = ? and b.id = ?""",
                Integer.class, first.id(), second.id())).as("the partners' forms are linked").isEqualTo(1);
        long amira = staffId("amira");
        as("amira", () -> {
            assignments.assignToMe(IntakeId.of(first.id()));
            return null;
        });
        LocalDate day = freeDayFor(amira);
        as("admin", () -> {
            setup.addException(StaffId.of(amira), day, true, EXTRA_FROM, EXTRA_TO, "Extra hours " + surname);
            return null;
        });
        String room = as("admin", () -> setup.addRoom("Room " + surname)).name();
        ZonedDateTime booked = ZonedDateTime.of(day, BOOKED_AT, Application.PRACTICE_ZONE);
        ZonedDateTime moved = ZonedDateTime.of(day, MOVED_TO, Application.PRACTICE_ZONE);
        String bookedTimes = "10:00–11:20";
        String movedTimes = "14:00–15:20";

        // ---- the therapist books from a link to the case ----
        open("/login");
        signIn("amira");
        open("/staff/calendar?case=" + first.receipt().reference());
        Locator bookButton = page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Book").setExact(true));
        assertThat(bookButton).isVisible();
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Case reference")))
                .hasValue(first.receipt().reference());
        choose("Kind of session", "Couples session");
        assertThat(page.getByText("With both partners:")).containsText(first.name() + " and " + second.name());
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("In person").setExact(true)).check();
        choose("Room", room);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find free times")).click();
        Locator suggestions = page.locator(".free-times .free-time");
        assertThat(suggestions.first()).isVisible();
        String slot = DIARY_DAY_TIME.format(booked);
        // the finder offers at most 12 times from now on: Amira has no weekly hours in the test data, so the
        // extra hours come first (weekly hours added by another test for today could crowd them out)
        assertThat(suggestions.allTextContents()).as("free times offered").anyMatch(text -> text.strip()
                .startsWith(slot));
        suggestions.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + literal(slot))))
                .first().click();
        waitForVaadin();
        Locator when = dateTimePicker("Date and time");
        assertThat(when.locator("vaadin-time-picker input")).hasValue("10:00");
        // a suggestion brings the first free room with it; this session goes in the room chosen for it
        choose("Room", room);
        bookButton.click();
        // the "Booked …" toast lasts three seconds: the closed dialog and the diary are what stay
        assertThat(bookButton).isHidden();
        waitForVaadin();

        Map<String, Object> appointment = jdbc.queryForMap("""
                select a.id, a.partner_intake_id, a.starts_at, r.name as room from appointment a
                  join room r on r.id = a.room_id where a.intake_id = ? and a.state = 'BOOKED'""", first.id());
        long appointmentId = ((Number) appointment.get("id")).longValue();
        assertThat(((Number) appointment.get("partner_intake_id")).longValue()).isEqualTo(second.id());
        assertThat(((Timestamp) appointment.get("starts_at")).toInstant()).isEqualTo(booked.toInstant());
        assertThat(appointment.get("room")).isEqualTo(room);

        showWeekOf(day);
        Locator block = sessionBlock(first.name());
        assertThat(block).hasCount(1);
        assertThat(block).containsText(bookedTimes);
        assertThat(block).containsText(first.name() + " & " + second.name());
        assertThat(block).containsText("Couples session");
        assertThat(block).containsText(room);
        AxeCore.check(page, "the therapist's diary with the booked couples session");
        // a laptop's week beside the menu shows all seven days, Sunday's heading whole, without scrolling sideways
        assertThat(page.locator(".diary-day-head").last())
                .isInViewport(new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions()
                        .setRatio(1));
        // and so does a tablet's, upright with the menu folded or across beside it, an iPad mini's and a small
        // tablet's upright: at a laptop's day width Saturday and Sunday were scrolled out of sight
        for (int[] tablet : new int[][] {{768, 1024}, {1024, 768}, {744, 1133}, {700, 1000}}) {
            page.setViewportSize(tablet[0], tablet[1]);
            assertThat(page.locator(".diary-day-head").last())
                    .isInViewport(new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions()
                            .setRatio(1));
            assertThat(block).containsText(bookedTimes);
        }
        page.setViewportSize(1280, 900);

        // ---- the client sees it on their private status page, with no staff cookies ----
        freshPage();
        assertThat(context.cookies()).isEmpty();
        open("/status/" + first.receipt().statusToken());
        Locator session = page.locator(".client-session");
        assertThat(session).hasCount(1);
        assertThat(session).containsText(LONG_DAY.format(day) + ", " + bookedTimes);
        assertThat(session).containsText("Couples session with Dr Amira Khan");
        assertThat(session).containsText("In person, " + room);

        // ---- the practice manager moves it in Amira's diary ----
        freshPage();
        open("/login");
        signIn("admin");
        open("/staff/calendar");
        choose("Diary of", "Dr Amira Khan");
        showWeekOf(day);
        block = sessionBlock(first.name());
        assertThat(block).containsText(bookedTimes);
        String bookedRows = gridRow(block);
        block.click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reschedule")).click();
        Locator newTime = dateTimePicker("New date and time").locator("vaadin-time-picker input");
        assertThat(newTime).hasValue("10:00");
        // typed on a 12-hour clock, as many people do: 2pm, not two in the morning
        newTime.fill("2pm");
        newTime.press("Enter");
        newTime.press("Tab");
        waitForVaadin();
        Locator move = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move session"));
        move.click();
        assertThat(move).isHidden();
        waitForVaadin();
        block = sessionBlock(first.name());
        assertThat(block).hasCount(1);
        assertThat(block).containsText(movedTimes);
        assertThat(block).containsText(room);
        // four hours further down, whatever hour the diary starts at (another test's early session widens it)
        assertThat(firstLine(gridRow(block)) - firstLine(bookedRows))
                .isEqualTo(ChronoUnit.MINUTES.between(BOOKED_AT, MOVED_TO) / 5);
        assertThat(jdbc.queryForObject("select starts_at from appointment where id = ?", Timestamp.class,
                appointmentId).toInstant()).isEqualTo(moved.toInstant());

        // ---- both partners are told the new time: no clinical words, an updated invitation ----
        for (Partner partner : List.of(first, second)) {
            List<Map<String, Object>> changed = jdbc.queryForList("""
                    select body_text, ics, ics_method from outbox_message
                     where appointment_id = ? and kind = 'CHANGED' and lower(recipient) = ?""",
                    appointmentId, partner.email());
            assertThat(changed).as("CHANGED email to " + partner.email()).hasSize(1);
            String body = (String) changed.getFirst().get("body_text");
            assertThat(body).contains(LONG_DAY.format(moved) + ", 14:00 to 15:20")
                    .contains("Dear " + partner.name().split(" ")[0] + ",")
                    .contains(room)
                    .doesNotContain("haven't been able to");
            // a link's random secret is no word ("…-PHqlg…" once read as PHQ)
            assertThat(CLINICAL.matcher(body.replaceAll("https?://\\S+", "")).results().map(MatchResult::group)
                    .toList())
                    .as("clinical words in the email to " + partner.email() + ":\n" + body).isEmpty();
            assertThat(changed.getFirst().get("ics_method")).isEqualTo("REQUEST");
            ICalendar invitation = Biweekly.parse((String) changed.getFirst().get("ics")).first();
            assertThat(invitation.getMethod().getValue()).isEqualTo("REQUEST");
            VEvent event = invitation.getEvents().getFirst();
            assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(moved.toInstant());
            assertThat(event.getDateEnd().getValue().toInstant())
                    .isEqualTo(moved.plusMinutes(COUPLES_MINUTES).toInstant());

            String bookedIcs = jdbc.queryForObject("""
                    select ics from outbox_message
                     where appointment_id = ? and kind = 'BOOKED' and lower(recipient) = ?""",
                    String.class, appointmentId, partner.email());
            VEvent original = Biweekly.parse(bookedIcs).first().getEvents().getFirst();
            assertThat(original.getDateStart().getValue().toInstant()).isEqualTo(booked.toInstant());
            assertThat(original.getUid().getValue()).isEqualTo(event.getUid().getValue());
            assertThat(event.getSequence().getValue()).isGreaterThan(original.getSequence().getValue());
        }
    }

    // ---- arrangement ----

    /** One partner's form, sent as a client would; the second is started from the first's invitation. */
    private Partner submit(String invitation, String name) {
        String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org";
        Answers answers = IntakeFixtures.couplesAnswers(name).with("about.email", email);
        String address = address();
        String token = intake.startDraft(invitation, address).orElseThrow().token();
        assertThat(intake.saveAnswers(token, answers.asMap(), "consent")).isTrue();
        SubmissionOutcome outcome = intake.submit(token, address, false);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Submitted.class);
        SubmissionReceipt receipt = ((SubmissionOutcome.Submitted) outcome).receipt();
        long id = jdbc.queryForObject("select id from intake where reference = ?", Long.class, receipt.reference());
        return new Partner(id, name, email, receipt);
    }

    /** The first day from tomorrow with nothing in Amira's diary, so the booking and the move are both free. */
    private LocalDate freeDayFor(long therapistId) {
        LocalDate tomorrow = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE)).plusDays(1);
        for (LocalDate day = tomorrow; day.isBefore(tomorrow.plusDays(14)); day = day.plusDays(1)) {
            Timestamp from = Timestamp.from(day.atStartOfDay(Application.PRACTICE_ZONE).toInstant());
            Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(Application.PRACTICE_ZONE).toInstant());
            Integer sessions = jdbc.queryForObject("""
                    select count(*) from appointment where therapist_id = ? and state <> 'CANCELLED'
                       and starts_at < ? and ends_at > ?""", Integer.class, therapistId, to, from);
            Integer exceptions = jdbc.queryForObject("""
                    select (select count(*) from working_exception where therapist_id = ? and day = ?)
                         + (select count(*) from time_away where therapist_id = ? and ? between first_day and last_day)
                         + (select count(*) from closed_day where day = ? and not open)""",
                    Integer.class, therapistId, day, therapistId, day, day);
            if (sessions == 0 && exceptions == 0) {
                return day;
            }
        }
        throw new IllegalStateException("No free day in Amira's diary in the next two weeks");
    }

    private long staffId(String username) {
        return ((StaffUser) staff.loadUserByUsername(username)).id();
    }

    /** Runs service calls as a demo account, with the review tests' helper. */
    private <T> T as(String username, Supplier<T> work) {
        return new ReviewTestData(intake, staff, jdbc).as(username, work);
    }

    private static String uniqueWord() {
        return ReviewTestData.uniqueWord();
    }

    private static String address() {
        return ReviewTestData.address();
    }

    // ---- the browser, used as a person would ----

    /** A new desktop-sized context with no cookies; it becomes the page the test (and its screenshot) uses. */
    private void freshPage() {
        usePage(newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage());
    }

    private void signIn(String username) {
        signInAs(username, DemoStaffAccounts.DEMO_PASSWORD);
    }

    /** Opens the drop-down with this label and picks the option that starts with {@code option}. */
    private void choose(String label, String option) {
        Locator select = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^" + literal(label) + "(\\s|$)")));
        assertThat(select).hasCount(1);
        select.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^" + literal(option)))).first().click();
        assertThat(select).containsText(option);
        waitForVaadin();
    }

    private Locator dateTimePicker(String label) {
        return page.locator("vaadin-date-time-picker:visible").filter(new Locator.FilterOptions().setHasText(label));
    }

    /** The block's place in the diary grid, e.g. "26 / 42". */
    private static String gridRow(Locator block) {
        return (String) block.evaluate("b => b.style.gridRow");
    }

    /** Escapes text for a pattern that Playwright hands to JavaScript, which knows no \Q…\E quoting. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    /** The diary grid line where a time starts: 2 is 08:00, then one line per 5 minutes. */
    /** The grid line a block starts on: its rows are five minutes each. */
    private static long firstLine(String gridRow) {
        return Long.parseLong(gridRow.substring(0, gridRow.indexOf('/')).strip());
    }
}
