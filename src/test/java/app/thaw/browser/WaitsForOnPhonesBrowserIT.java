package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.dev.DemoStaffAccounts;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;
import app.thaw.waitlist.WaitlistChanges;
import app.thaw.waitlist.WaitlistFilter;
import app.thaw.waitlist.WaitlistService;
import app.thaw.waitlist.WaitlistTestData;

/**
 * The waiting list's "Waits for" column on phones 320 and 390 px wide: a client far down a long list waits for a
 * therapist whose name is longer than any in the rows the grid draws first (and sizes its columns to). Scrolled through
 * a screenful at a time, as a thumb would, every "Waits for" button drawn keeps to one line inside its cell, and that
 * client's, scrolled to, shows whole on the screen.
 */
class WaitsForOnPhonesBrowserIT extends StaffPhoneTest {

    /** Enough cases waiting ahead of the client that its row is not among those drawn first on either phone. */
    private static final int WAITING_AHEAD = 30;

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    ReferralService referrals;

    @Autowired
    CareActions care;

    @Autowired
    WaitlistChanges changes;

    @Autowired
    WaitlistService list;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {320, 390})
    void everyWaitsForButtonDownALongListKeepsToOneLineOnAPhone(int width) {
        var data = data();
        var waiting = new WaitlistTestData(data, caseOpening, referrals, care, jdbc);
        int ahead = data.as("amira", () -> list.waiting(new WaitlistFilter(null, null, false, 200, 0))).size();
        for (int i = ahead; i < WAITING_AHEAD; i++) {
            waiting.waitingClient("Robin " + ReviewTestData.uniqueWord());
        }
        String therapistName = "Dr Philippa " + ReviewTestData.uniqueWord();
        long therapist = new WorkingWeekData(data, team, scheduling, jdbc).therapist(therapistName);
        var client = waiting.waitingClient("Lee " + ReviewTestData.uniqueWord());
        data.as("amira", () -> changes.setPreferences(IntakeId.of(client.id()), SessionFormat.IN_PERSON,
                StaffId.of(therapist)));
        String id = "waits-for-" + client.reference();
        String waitsFor = "In person · " + therapistName;

        usePhone(width, width == 320 ? 640 : 844);
        open("/login");
        signInAs("amira", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/waitlist");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting list")
                .setExact(true))).isVisible();
        page.locator("vaadin-grid [id^='waits-for-']").first().waitFor();
        settle();
        assertThat(onScreen(page.locator("#" + id))).as("the client's row is drawn first").isFalse();

        // a screenful at a time to the end of the list, every button drawn on the way looked at
        Set<String> seen = new LinkedHashSet<>();
        List<String> wrapped = new ArrayList<>();
        Locator scroller = page.locator("vaadin-grid #table");
        boolean moved = true;
        while (moved) {
            for (Map<String, Object> button : drawnWaitsForButtons()) {
                if (seen.add((String) button.get("id")) && (((Number) button.get("lines")).intValue() != 1
                        || (Boolean) button.get("cut"))) {
                    wrapped.add(button.get("id") + " \"" + button.get("text") + "\": " + button.get("lines")
                            + " line(s), " + button.get("width") + " px in a cell of " + button.get("cell") + " px");
                }
            }
            // half a screenful, and the grid given two frames to draw the rows scrolled to, so no row is skipped
            moved = (Boolean) scroller.evaluate("s => new Promise(done => { const before = s.scrollTop; "
                    + "s.scrollTop += s.clientHeight / 2; const moved = s.scrollTop > before; "
                    + "requestAnimationFrame(() => requestAnimationFrame(() => done(moved))); })");
            settle();
        }
        assertThat(wrapped).as("'Waits for' buttons wrapped or cut at " + width + " px").isEmpty();
        int rows = ((Number) page.locator("vaadin-grid").evaluate("g => g.size")).intValue();
        assertThat(seen).as("the buttons drawn down the list").contains(id).hasSize(rows)
                .hasSizeGreaterThan(WAITING_AHEAD);

        // the client's own, scrolled to as a person would: whole on the screen, on one line
        Locator button = inWaitingList(id, width);
        assertThat(button).hasText(waitsFor);
        assertFits("the waiting list scrolled to the client", width, control("the client's 'Waits for' button",
                button));
        PhoneFit.assertWholeTextShown(page, "the client's 'Waits for' button", width, button, waitsFor);
    }

    /**
     * Each "Waits for" button the grid has drawn: its words, on how many lines, and whether the button is wider than
     * its cell or its label than the words' room (cut either way).
     */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> drawnWaitsForButtons() {
        return (List<Map<String, Object>>) page.evaluate("""
                () => [...document.querySelectorAll('vaadin-grid vaadin-button.waits-for')]
                  .filter(b => b.getClientRects().length > 0)
                  .map(b => {
                    const words = document.createRange();
                    words.selectNodeContents(b);
                    const lines = new Set([...words.getClientRects()].filter(r => r.width > 0)
                      .map(r => Math.round(r.top))).size;
                    const label = b.shadowRoot.querySelector('[part~="label"]');
                    const box = b.getBoundingClientRect();
                    const cell = b.closest('vaadin-grid-cell-content').getBoundingClientRect();
                    return { id: b.id, text: b.textContent.trim(), lines, width: Math.round(box.width),
                      cell: Math.round(cell.width),
                      cut: label.scrollWidth > label.clientWidth + 1 || box.right > cell.right + 1
                        || box.left < cell.left - 1 };
                  })
                """);
    }

    /** Drawn and inside the grid's rows on the screen (the grid draws a few rows past its edge, out of sight). */
    private boolean onScreen(Locator control) {
        if (control.count() == 0) {
            return false;
        }
        return (Boolean) control.evaluate("""
                b => {
                  const grid = b.closest('vaadin-grid');
                  const rows = grid.shadowRoot.querySelector('#table').getBoundingClientRect();
                  const box = b.getBoundingClientRect();
                  return box.bottom > rows.top && box.top < Math.min(rows.bottom, window.innerHeight);
                }""");
    }
}
