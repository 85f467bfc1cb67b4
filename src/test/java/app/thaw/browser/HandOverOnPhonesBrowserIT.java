package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.Application;
import app.thaw.base.PracticeTime;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.dev.DemoStaffAccounts;
import app.thaw.intake.IntakeFixtures;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionView;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * A practice manager on the narrowest phone (320×640) hands over a leaving therapist's work one piece at a time: a
 * session to come, a case they hold and a subject access review they have to do, each given to Dr Amira Khan from
 * its own row; every row lies inside the screen, each count falls to none as its piece goes, and only then is the
 * therapist deactivated. (The hand-over without a browser is in {@code PracticeIT} and
 * {@code DeactivatingWithReviewsToDoIT}.)
 */
class HandOverOnPhonesBrowserIT extends StaffPhoneTest {

    private static final int WIDTH = 320;
    private static final String AMIRA = "Dr Amira Khan";

    @Autowired
    SchedulingService scheduling;

    @Autowired
    StaffAdministration team;

    @Autowired
    CaseAssignments assignments;

    @Autowired
    SubjectAccessRequests accessRequests;

    @Test
    void aPracticeManagerHandsOverASessionACaseAndAReviewOneByOneThenDeactivatesOnThe320PixelPhone() {
        var data = data();
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long amira = data.idOf("amira");
        String name = "Dr Rowan " + ReviewTestData.uniqueWord();
        long leaving = week.therapist(name);
        // the case they hold, given to them by the manager, and a session to come with its client
        String client = "Jules " + ReviewTestData.uniqueWord();
        var held = data.submit(IntakeFixtures.completeAnswers(client));
        data.as("admin", () -> assignments.reassign(IntakeId.of(held.id()), StaffId.of(leaving),
                "Rowan has room on Mondays"));
        SessionView session = week.book(week.online(held.id(), leaving,
                WorkingWeekData.at(aMondayFreeInTheDiaryOf(amira), 10, 0)));
        // a review for a client nobody holds yet, so any colleague may take it over
        var asking = data.submit(IntakeFixtures.completeAnswers("Kit " + ReviewTestData.uniqueWord()));
        var request = data.as("admin", () -> accessRequests.record(IntakeId.of(asking.id()),
                LocalDate.now(Application.PRACTICE_ZONE),
                StaffId.of(leaving)));
        String sessionText = PracticeTime.DAY_DATE_COMMA_TIME.format(session.start()) + " · " + session.clients()
                + " · " + session.typeLabel();
        String caseText = held.reference() + " · " + client;
        String reviewText = asking.reference() + " · due " + PracticeTime.DATE.format(request.dueOn());

        usePhone(WIDTH, 640);
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/admin/team/" + leaving + "/hand-over");
        assertThat(heading("Hand over " + name + "'s work")).isVisible();
        assertThat(heading("Sessions to come (1)")).isVisible();
        assertThat(heading("Cases they hold (1)")).isVisible();
        assertThat(heading("Subject access reviews to do (1)")).isVisible();
        Locator deactivate = page.locator("#deactivate-after-handover");
        assertThat(deactivate).hasText("Deactivate " + name);
        assertThat(deactivate).isDisabled();

        Locator sessionRow = row(sessionText);
        Locator sessionTo = selectIn(sessionRow, "New therapist for " + sessionText);
        Locator give = buttonIn(sessionRow, "Give");
        Locator cancel = buttonIn(sessionRow, "Cancel session");
        Locator caseRow = row(caseText);
        Locator caseTo = selectIn(caseRow, "Who takes " + held.reference());
        Locator handOver = buttonIn(caseRow, "Hand over");
        Locator reviewRow = row(reviewText);
        Locator reviewTo = selectIn(reviewRow, "Who reviews " + asking.reference());
        Locator giveReview = buttonIn(reviewRow, "Give");
        Locator everythingTo = button("Give everything to");
        Locator giveAll = button("Give all sessions, cases and reviews");
        assertFits("the hand-over page", WIDTH, control("the 'Give everything to' select", everythingTo),
                control("the 'Give all sessions, cases and reviews' button", giveAll),
                control("the session's text", item(sessionRow)), control("the session's therapist select", sessionTo),
                control("the session's 'Give' button", give), control("the 'Cancel session' button", cancel),
                control("the case's text", item(caseRow)), control("the case's select", caseTo),
                control("the 'Hand over' button", handOver),
                control("the review's text", item(reviewRow)), control("the review's select", reviewTo),
                control("the review's 'Give' button", giveReview),
                control("the 'Deactivate' button", deactivate));
        assertWholeTextShown("the session to come", item(sessionRow), sessionText);
        assertWholeTextShown("the case they hold", item(caseRow), caseText);
        assertWholeTextShown("the review to do", item(reviewRow), reviewText);

        // the session, to Amira at the same time
        choose(sessionTo, AMIRA, AMIRA);
        give.click();
        waitForVaadin();
        assertThat(heading("Sessions to come (0)")).isVisible();
        assertThat(row(sessionText)).hasCount(0);
        assertThat(heading("Cases they hold (1)")).isVisible();
        assertThat(heading("Subject access reviews to do (1)")).isVisible();
        assertThat(deactivate).isDisabled();
        assertThat(jdbc.queryForObject("select therapist_id from appointment where id = ?", Long.class,
                session.id())).isEqualTo(amira);

        // the case, to Amira
        caseTo = selectIn(row(caseText), "Who takes " + held.reference());
        choose(caseTo, AMIRA, AMIRA);
        buttonIn(row(caseText), "Hand over").click();
        waitForVaadin();
        assertThat(heading("Cases they hold (0)")).isVisible();
        assertThat(row(caseText)).hasCount(0);
        assertThat(heading("Subject access reviews to do (1)")).isVisible();
        assertThat(deactivate).isDisabled();
        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, held.id())).isEqualTo(amira);

        // the review, to Amira: the case is nobody's yet, so she may read it
        reviewTo = selectIn(row(reviewText), "Who reviews " + asking.reference());
        choose(reviewTo, AMIRA + " · The case is not assigned yet", AMIRA);
        buttonIn(row(reviewText), "Give").click();
        waitForVaadin();
        assertThat(heading("Subject access reviews to do (0)")).isVisible();
        assertThat(row(reviewText)).hasCount(0);
        assertThat(jdbc.queryForObject("select reviewer_id from subject_access_request where id = ?", Long.class,
                request.id())).isEqualTo(amira);

        // nothing left: deactivating is possible, and leaves for the team page
        assertThat(heading("Sessions to come (0)")).isVisible();
        assertThat(heading("Cases they hold (0)")).isVisible();
        assertThat(deactivate).isEnabled();
        assertFits("the hand-over page with nothing left", WIDTH, control("the 'Deactivate' button", deactivate));
        assertWholeTextShown("the 'Deactivate' button", deactivate, "Deactivate " + name);
        deactivate.click();
        // it asks first, as Team › Deactivate… does, with its button on the phone's screen
        Locator confirm = page.locator("#confirm-deactivate");
        assertThat(confirm).isVisible();
        assertFits("the deactivation's question", WIDTH, control("its 'Deactivate' button", confirm));
        confirm.click();
        page.waitForURL("**/staff/admin/team");
        waitForVaadin();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText(name + " is deactivated and signed out."))).isVisible();
        assertThat(jdbc.queryForObject("select active from staff_account where id = ?", Boolean.class, leaving))
                .isFalse();
    }

    /** Amira's diary is shared by every test: a far Monday with nothing in it, so the session can go to her. */
    private LocalDate aMondayFreeInTheDiaryOf(long therapist) {
        for (int tries = 0; tries < 50; tries++) {
            LocalDate monday = WorkingWeekData.farMonday();
            Integer taken = jdbc.queryForObject("""
                    select (select count(*) from appointment where therapist_id = ? and state = 'BOOKED'
                             and starts_at::date = ?)
                         + (select count(*) from time_away where therapist_id = ? and ? between first_day and last_day)
                    """, Integer.class, therapist, monday, therapist, monday);
            if (taken != null && taken == 0) {
                return monday;
            }
        }
        throw new AssertionError("No free far Monday in the diary of therapist " + therapist);
    }

    /** Scrolled to as a person would on a page taller than the phone, then every word of it read. */
    private void assertWholeTextShown(String where, Locator element, String text) {
        element.scrollIntoViewIfNeeded();
        settle();
        PhoneFit.assertWholeTextShown(page, where, WIDTH, element, text);
    }

    private Locator heading(String text) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text).setExact(true));
    }

    /** A row of the hand-over page, by the words of its item. */
    private Locator row(String itemText) {
        return page.locator(".handover-row").filter(new Locator.FilterOptions().setHas(page.locator(".handover-item",
                new Page.LocatorOptions().setHasText(itemText))));
    }

    private static Locator item(Locator row) {
        return row.locator(".handover-item");
    }

    /** A row's select: the button that opens its list, named by the select's label and then the choice made. */
    private static Locator selectIn(Locator row, String label) {
        return row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^" + literal(label) + "(\\s|$)")));
    }

    /** Pattern.quote's \Q…\E means nothing to the browser's regular expressions: each character escaped. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private static Locator buttonIn(Locator row, String name) {
        return row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Taps the choice in the select's list, read whole on the screen; the field then shows who was chosen, whole. */
    private void choose(Locator select, String option, String shown) {
        select.click();
        Locator choice = page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true));
        choice.scrollIntoViewIfNeeded();
        settle();
        assertFits("the list of colleagues", WIDTH, control("the '" + option + "' choice", choice));
        PhoneFit.assertWholeTextShown(page, "the '" + option + "' choice", WIDTH, choice, option);
        choice.click();
        waitForVaadin();
        assertThat(select).containsText(shown);
        assertWholeTextShown("the choice shown in the select", select.locator("vaadin-select-item"), shown);
    }
}
