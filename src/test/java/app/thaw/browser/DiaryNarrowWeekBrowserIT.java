package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.base.ids.IntakeId;
import app.thaw.dev.DemoStaffAccounts;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * A phone on its side or a tablet in split view, 600 to 689 px wide (640 the common one): Dr Amira Khan's week shows all seven days without
 * scrolling sideways (between 600 and 689 px the days kept a laptop's width and Saturday and Sunday were out of
 * sight), and a session the practice manager booked at 21:30, outside her hours, is drawn whole at its 50 minutes
 * (it was a 7 px bar under 20:30, the evening looking free).
 */
class DiaryNarrowWeekBrowserIT extends StaffPhoneTest {

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    CaseAssignments assignments;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {600, 640, 689})
    void theWeekFitsAndALateSessionShowsWhole(int width) {
        var data = data();
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        long amira = data.idOf("amira");
        String client = "Jo " + ReviewTestData.uniqueWord().substring(0, 7);
        var held = data.submit(IntakeFixtures.completeAnswers(client));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(held.id())));
        LocalDate monday = WorkingWeekData.farMonday();
        week.book(week.online(held.id(), amira, WorkingWeekData.at(monday, 21, 30))
                .overriding("A late session agreed with the client"));

        usePhone(width, 360);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/calendar?date=" + monday);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Week").setExact(true)).click();
        waitForVaadin();
        assertThat(page.locator(".diary-day-head")).hasCount(7);

        Locator block = sessionBlock(client);
        assertThat(block).hasCount(1);
        block.scrollIntoViewIfNeeded();
        settle();
        assertFits("the week", width, control("Sunday's heading", page.locator(".diary-day-head").last()),
                control("the 21:30 session", block));
        Locator diary = page.locator(".diary-scroll");
        assertThat((Boolean) diary.evaluate("box => box.scrollWidth <= box.clientWidth + 1"))
                .as("the diary's box holds the seven days without scrolling sideways").isTrue();
        assertThat(block).isInViewport(new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions()
                .setRatio(1));

        // a half hour down the side is the height of 30 minutes: the block is 50 minutes of it (less its 1 px margins)
        BoundingBox halfHour = page.locator(".diary-time").filter(new Locator.FilterOptions().setHasText("21:30"))
                .boundingBox();
        BoundingBox drawn = block.boundingBox();
        assertThat(drawn.height + 2).as("the 21:30–22:20 session's height").isCloseTo(halfHour.height * 50 / 30,
                within(2.0));
        assertThat(drawn.y + 1).as("the session's top at 21:30").isCloseTo(halfHour.y, within(2.0));
        PhoneFit.assertWholeTextShown(page, "the session's time", width, block.locator(".session-time"),
                "21:30–22:20");
        for (String label : new String[] {"22:00", "22:30"}) {
            assertThat(page.locator(".diary-time").filter(new Locator.FilterOptions().setHasText(label))).hasCount(1);
        }
    }
}
