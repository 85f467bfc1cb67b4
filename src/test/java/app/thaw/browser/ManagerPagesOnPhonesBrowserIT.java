package app.thaw.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.dev.DemoStaffAccounts;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * A practice manager's own pages on a phone, at 320×640 and 390×844: each page's heading is shown whole, the page
 * does not scroll sideways, and the controls its work starts from lie inside the screen. Found by using them on a
 * phone: the Team heading read "Tea…" beside its button, Client privacy's "Find" was past the screen's edge, the
 * retention questions read "Keep clinical records after…" at every width and the team's actions were off screen.
 */
class ManagerPagesOnPhonesBrowserIT extends StaffPhoneTest {

    @Autowired
    DiarySetupService rooms;

    @Autowired
    StaffAdministration team;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    CaseAssignments assignments;

    @Autowired
    ClientStatusService clientStatus;

    @Test
    void aPracticeManagersPagesFitThe320PixelPhone() {
        walkThroughAt(320, 640);
    }

    @Test
    void aPracticeManagersPagesFitThe390PixelPhone() {
        walkThroughAt(390, 844);
    }

    @Test
    void aClientsRequestFitsATabletWithItsButtonsInSight() {
        requestAChangeOfASession("Tablet " + ReviewTestData.uniqueWord());
        usePage(newContext(new Browser.NewContextOptions().setViewportSize(768, 1024)).newPage());
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
        open("/staff/requests");
        Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark handled")).first();
        assertThat(button).isVisible();
        // wider than the tablet, the grid scrolled sideways and its last column, the buttons, were out of sight
        GridColumns.assertAllColumnsInSight(page.locator("vaadin-grid"), "the requests at 768 px");
        assertFits("a client's request on a tablet", 768, control("the 'Mark handled' button", button));
    }

    @Test
    void theCaseQueueAndTheManagersListsShowEveryColumnOnATablet() {
        String word = ReviewTestData.uniqueWord();
        String name = "Bartholomew Wolstenholme-Fotheringham " + word;
        data().submit(IntakeFixtures.completeAnswers(name));
        // portrait, the menu folded away; landscape, the menu beside the queue: both left the grid 734 px; an
        // 11-inch iPad upright (834 px) folds the menu too, beside it every list scrolled sideways in 546 px
        for (int[] size : new int[][] {{768, 1024}, {1024, 768}, {834, 1194}}) {
            usePage(newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1])).newPage());
            open("/login");
            signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);
            open("/staff");
            searchQueueFor(word);
            // the found case alone: read while the whole queue was still shown, the name's row sat at the grid's foot
            page.waitForFunction("() => document.querySelector('.review-queue vaadin-grid').size === 1");
            Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText("Wolstenholme").setVisible(true));
            assertThat(row).isVisible();
            // at their own widths the seven columns ran 997 px: "Waiting" and "Assigned to" were scrolled away
            org.assertj.core.api.Assertions.assertThat(GridColumns.assertAllColumnsInSight(
                            page.locator(".review-queue vaadin-grid"), "the queue at " + size[0] + " px"))
                    .isEqualTo(List.of("Urgency", "Reference", "Name", "Asked for", "Status", "Waiting",
                            "Assigned to"));
            assertFits("the case queue on a tablet", size[0], control("the client's name", row));
            // a long name wraps, whole, rather than end in an ellipsis
            PhoneFit.assertWholeTextShown(page, "a long name in the queue", size[0], row, name);
            // at Lumo's gaps these ran 826 (its status under the frozen actions), 848 and 763 px; the waiting list
            // 951 (its case's reference, service and urgency in three columns) and the outbox 807 (an address at
            // its own width)
            for (String[] list : List.of(new String[] {"/staff/admin/team", "vaadin-grid", "Actions"},
                    new String[] {"/staff/factors", "vaadin-grid", "Added without a suggestion"},
                    new String[] {"/staff/admin/audit", "vaadin-grid", "Detail"},
                    new String[] {"/staff/waitlist", "vaadin-grid.waitlist-grid", "Availability"},
                    new String[] {"/staff/admin/outbox", "vaadin-grid", "Created"})) {
                open(list[0]);
                Locator grid = page.locator(list[1]);
                assertThat(grid.locator("vaadin-grid-cell-content").first()).isAttached();
                waitForVaadin();
                org.assertj.core.api.Assertions.assertThat(GridColumns.assertAllColumnsInSight(grid,
                        list[0] + " at " + size[0] + " px")).last().isEqualTo(list[2]);
            }
        }
    }

    private void walkThroughAt(int width, int height) {
        String longRoom = "Room 7 · The garden room over the canal, " + ReviewTestData.uniqueWord();
        data().as("admin", () -> rooms.addRoom(longRoom));
        usePhone(width, height);
        open("/login");
        signInAs("admin", DemoStaffAccounts.DEMO_PASSWORD);

        // the first person listed: with the suite's many accounts a given one may be rows below the screen
        Locator actions = page.getByRole(AriaRole.MENUBAR, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Actions for "))).first();
        page("/staff/admin/team", "Team", width, control("the 'Invite a staff member' button",
                button("Invite a staff member")), control("the first person's actions", actions));
        assertReadableHeight("the team", page.locator("vaadin-grid.team-grid"), height);
        // one tap shows what can be done: the menu had folded into "···" and a second tap on "Actions" was needed
        actions.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Actions")).click();
        Locator firstAction = page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions()
                .setName("Edit details…").setExact(true));
        atRest(firstAction);
        assertFits("the first person's actions, open", width, control("their first action", firstAction));
        // a name or address corrected on a phone: both fields the dialog's width, Save inside the screen
        firstAction.click();
        assertDialogFits("the 'Edit details' dialog", width, "Save details", "Name", "Email");
        button("Cancel").click();
        // sorting the team by name, as a manager looking for someone does (the grid's sorter under the strict policy)
        page.locator("vaadin-grid-sorter").filter(new Locator.FilterOptions().setHasText("Name")).click();
        waitForVaadin();
        assertThat(page.locator("vaadin-grid-sorter").filter(new Locator.FilterOptions().setHasText("Name")))
                .hasAttribute("direction", "asc");
        page("/staff/admin/api-clients", "API clients", width,
                control("the 'Add a system' button", button("Add a system")));
        // what a token may read: "(system/QuestionnaireResponse.read)" is one long word, cut at the dialog's edge
        button("Add a system").click();
        Locator scope = page.locator("vaadin-checkbox label").filter(new Locator.FilterOptions()
                .setHasText("Answers to questionnaires"));
        atRest(scope);
        PhoneFit.assertWholeTextShown(page, "a scope a system may read", width, scope,
                "Answers to questionnaires (system/QuestionnaireResponse.read)");
        button("Cancel").click();
        page("/staff/admin/privacy", "Client privacy", width, control("the search field", page.getByRole(
                AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Reference or email address"))),
                control("the 'Find' button", button("Find")));

        page("/staff/admin/settings", "Practice settings", width,
                control("the 'Save retention settings' button", button("Save retention settings")));
        for (String question : List.of("Keep clinical records after a case is closed (years)",
                "Keep intakes that never became clients (months)")) {
            Locator label = page.locator("vaadin-integer-field label").filter(new Locator.FilterOptions()
                    .setHasText(question));
            PhoneFit.assertWholeTextShown(page, "the question '" + question + "'", width, label, question);
        }

        // how a freed time is filled, every choice whole: the closed box showed "Suggest waiting cases to staff (on"
        page("/staff/waitlist", "Waiting list", width);
        for (String choice : List.of("Leave it in the diary", "Suggest waiting cases to staff (one click to offer)",
                "Offer it at once to the best-fitting waiting cases")) {
            Locator label = page.locator("#backfill-mode vaadin-radio-button label").filter(
                    new Locator.FilterOptions().setHasText(choice));
            PhoneFit.assertWholeTextShown(page, "the choice '" + choice + "'", width, label, choice);
        }

        page("/staff/admin/diary", "Rooms & hours", width, control("the 'Add room' button", button("Add room")));
        Locator room = page.locator("vaadin-grid.rooms-grid vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText(longRoom));
        room.scrollIntoViewIfNeeded();
        PhoneFit.assertWholeTextShown(page, "a long room name", width, room, longRoom);
        // its Rename… stacked with its other action, so the name keeps its width; the dialog's field the dialog's
        Locator rename = button("Rename " + longRoom);
        assertFits("a room's actions", width, control("its 'Rename…' button", rename));
        rename.click();
        assertDialogFits("the 'Rename' dialog", width, "Save name", "Name");
        button("Cancel").click();

        // an email opened in the outbox: its lines ran past the screen's edge and cut its subject too
        data().submit(IntakeFixtures.completeAnswers("Robin " + ReviewTestData.uniqueWord()));
        page("/staff/admin/outbox", "Outbox", width);
        // each email a card, its subject first: six columns side by side put all but the address past the edge
        Locator email = page.locator("vaadin-grid-cell-content .queue-card").filter(new Locator.FilterOptions()
                .setHasText("client@example.org")).first();
        email.scrollIntoViewIfNeeded();
        atRest(email);
        org.assertj.core.api.Assertions.assertThat(PhoneFit.assertNothingCutOff(page, "an email in the outbox", width,
                email)).contains("client@example.org · Captured · ");
        email.click();
        waitForVaadin();
        Locator body = page.locator("#outbox-body");
        assertThat(body).isVisible();
        assertFits("an email opened in the outbox", width, control("the email's subject",
                page.locator(".outbox-detail h3")), control("the email's text", body));

        // the factor counts as cards, each number named: six columns showed a name and a number without its heading
        page("/staff/factors", "Factor suggestions", width);
        Locator counts = page.locator("vaadin-grid-cell-content .factor-card div").first();
        assertThat(counts).containsText(Pattern.compile("^Agreement \\S+ · suggested \\d+"));
        PhoneFit.assertNothingCutOff(page, "a factor's counts", width, counts);

        // an audit entry opened: under the filters the grid was two rows high, the entry squeezed inside it
        page("/staff/admin/audit", "Audit log", width);
        // each entry a card, its action first: the action column was past the screen's edge
        Locator line = page.locator("vaadin-grid.log-grid vaadin-grid-cell-content .queue-card").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("\\d{4} \\d{2}:\\d{2}"))).first();
        line.scrollIntoViewIfNeeded();
        atRest(line);
        org.assertj.core.api.Assertions.assertThat(PhoneFit.assertNothingCutOff(page, "an audit entry", width, line))
                .matches("(?s).+\\n?.*\\d{4} \\d{2}:\\d{2}:\\d{2} · .+");
        line.click();
        waitForVaadin();
        Locator entry = page.locator(".audit-details").first();
        entry.scrollIntoViewIfNeeded();
        atRest(entry);
        org.assertj.core.api.Assertions.assertThat(PhoneFit.assertNothingCutOff(page, "an audit entry opened", width,
                entry)).contains("Entry");

        // a client's request as one card, its buttons on screen: five columns put them past the screen's edge
        String client = "Noor " + ReviewTestData.uniqueWord();
        requestAChangeOfASession(client);
        page("/staff/requests", "Client requests", width);
        Locator card = page.locator("vaadin-grid-cell-content .request-card").filter(new Locator.FilterOptions()
                .setHasText(client));
        // oldest first: with the suite's other open requests this one is last, drawn once the list is scrolled to it
        Locator list = page.locator("vaadin-grid #table");
        for (int screen = 0; card.count() == 0 && screen < 50; screen++) {
            list.evaluate("s => s.scrollTop += s.clientHeight");
            waitForVaadin();
        }
        card.scrollIntoViewIfNeeded();
        atRest(card);
        assertFits("a client's request", width, control("the 'Open in diary' button", card.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open in diary"))),
                control("the 'Mark handled' button", card.getByRole(AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Mark handled"))));
        org.assertj.core.api.Assertions.assertThat(PhoneFit.assertNothingCutOff(page, "a client's request", width,
                card)).startsWith("Rearrange · received").contains(client);

        for (String[] other : List.of(new String[] {"/staff/admin/practice", "Practice details"},
                new String[] {"/staff/admin/reports", "Reports"},
                new String[] {"/staff/reports/outcomes", "Outcomes"})) {
            page(other[0], other[1], width);
        }
        // the report's thirteen columns scroll sideways in their box; the period stays in sight at its left edge
        Locator report = page.locator(".outcome-table-scroll").first();
        report.evaluate("box => box.scrollLeft = box.scrollWidth");
        Locator period = report.locator("th").first();
        assertThat(period).hasText("Period");
        var boxAt = report.boundingBox();
        var periodAt = period.boundingBox();
        org.assertj.core.api.Assertions.assertThat(((Number) report.evaluate("box => box.scrollLeft")).intValue())
                .as("the report scrolled sideways").isPositive();
        org.assertj.core.api.Assertions.assertThat(periodAt.x).as("the period's heading, scrolled to the report's end")
                .isBetween(boxAt.x - 1, boxAt.x + 1);
    }

    /** A session of Amira's on a far Monday, and the client's request to move it, sent from their status page. */
    private void requestAChangeOfASession(String name) {
        var data = data();
        var week = new WorkingWeekData(data, team, scheduling, jdbc);
        var held = data.submit(IntakeFixtures.completeAnswers(name));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(held.id())));
        long session = week.bookFirstFree(new BookingRequest(held.id(), null, data.idOf("amira"),
                week.type("INDIVIDUAL"), SessionFormat.ONLINE, null,
                WorkingWeekData.at(WorkingWeekData.farMonday(), 9, 0), null)).id();
        // as the client on their status page: nobody signed in on this thread
        clientStatus.requestAppointmentChange(held.receipt().statusToken(), AppointmentId.of(session), false,
                "Could we make it later in the day?");
    }

    /** An open dialog's text fields each nearly its whole width, they and its button inside the screen. */
    private void assertDialogFits(String what, int width, String save, String... fields) {
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        atRest(dialog);
        var controls = new ArrayList<PhoneFit.Control>(List.of(control("its '" + save + "' button", button(save))));
        for (String field : fields) {
            Locator box = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(field).setExact(true));
            controls.add(control("its " + field + " field", box));
            // the input sits inside the field's frame, a few pixels in from the dialog's padding on each side
            org.assertj.core.api.Assertions.assertThat(box.boundingBox().width).as("%s's %s field at %d px", what,
                    field, width).isGreaterThan(dialog.boundingBox().width * 0.7);
        }
        assertFits(what, width, controls.toArray(PhoneFit.Control[]::new));
    }

    /** Opens the page and checks it fits, its heading whole and these controls inside the screen. */
    private void page(String path, String title, int width, PhoneFit.Control... controls) {
        open(path);
        Locator heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2).setName(title)
                .setExact(true));
        assertThat(heading).isVisible();
        var all = new ArrayList<>(List.of(controls));
        all.add(control("the heading '" + title + "'", heading));
        assertFits("the page " + path, width, all.toArray(PhoneFit.Control[]::new));
        PhoneFit.assertWholeTextShown(page, "the heading of " + path, width, heading, title);
    }
}
