package app.thaw.review.ui;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.base.ui.NotFoundView;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

@IntegrationTest
class CaseViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    app.thaw.review.CaseAssignments assignments;

    @Autowired
    app.thaw.review.ReferralService referrals;

    @Autowired
    app.thaw.scheduling.SchedulingService scheduling;

    ReviewTestData data;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
    }

    @Test
    @WithUserDetails("amira")
    void anUrgentCaseShowsWhatRaisedItAndTheAnswersButNothingCanBeDoneUntilTheRiskIsReviewed() {
        var urgent = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Urgent")
                .with("safety.safe_now", "no"));

        navigate("staff/cases/" + urgent.reference(), CaseView.class);

        RiskPanel risk = find(RiskPanel.class).single();
        assertThat(find(Span.class, risk).withClassName("risk-trigger-what").all()).extracting(Span::getText)
                .containsExactly("Said they are not safe right now");
        assertThat(find(Paragraph.class, risk).withClassName("risk-trigger-answer").single().getText())
                .startsWith("Asked: “").endsWith("Answered: “No”");
        assertThat(find(com.vaadin.flow.component.html.H3.class, risk).single().getText())
                .isEqualTo("Urgent: risk answers, not yet reviewed");
        // the therapist reads the answers before writing what they decided
        AnswersPanel readBeforeTheReview = find(AnswersPanel.class).single();
        assertLocked();

        click(find(Button.class).withText("I have reviewed the risk").single());
        assertLocked();
        assertThat(jdbc.queryForObject("select risk_acknowledged_at is null from review_case where intake_id = ?",
                Boolean.class, urgent.id())).isTrue();

        test(find(TextArea.class).withLabel("What did you decide? (required)").single())
                .setValue("Called the client: safe for now, crisis plan shared.");
        click(find(Button.class).withText("I have reviewed the risk").single());

        assertThat(find(FactorsPanel.class).exists()).isTrue();
        // the answers read before the review stay on screen as they were: not read or decrypted again
        assertThat(find(AnswersPanel.class).single()).isSameAs(readBeforeTheReview);
        assertThat(find(NotesPanel.class).exists()).isTrue();
        assertThat(find(ScoresPanel.class).exists()).isTrue();
        assertThat(find(Button.class).withText("I have reviewed the risk").exists()).isFalse();
        assertThat(find(Paragraph.class, find(RiskPanel.class).single())
                .withTextContaining("Risk reviewed by Dr Amira Khan").single().getText())
                .endsWith(": Called the client: safe for now, crisis plan shared.");
        assertThat(find(Paragraph.class).withClassName("case-facts").single().getText())
                .contains("Assigned to Dr Amira Khan");
    }

    @Test
    @WithUserDetails("amira")
    void theRiskBannerQuotesTheClientsOwnWordsAboutTheirPartner() {
        String words = "He checks my phone and I am scared when he drinks " + ReviewTestData.uniqueWord();
        var afraid = data.submit(IntakeFixtures.couplesAnswers(ReviewTestData.uniqueWord() + " Afraid")
                .with("safety.partner_fear", "yes").with("safety.partner_fear_detail", words));

        navigate("staff/cases/" + afraid.reference(), CaseView.class);

        RiskPanel risk = find(RiskPanel.class).single();
        assertThat(find(Span.class, risk).withClassName("risk-trigger-what").single().getText())
                .startsWith("Afraid of, or harmed");
        assertThat(find(Paragraph.class, risk).withClassName("risk-trigger-words").single().getText())
                .isEqualTo("In their own words: “" + words + "”");
    }

    @Test
    @WithUserDetails("amira")
    void confirmingASuggestedFactorShowsItConfirmed() {
        Answers answers = completeAnswers(ReviewTestData.uniqueWord() + " Burnout");
        for (String item : List.of("burnout.exhaustion", "burnout.detached", "burnout.concentration",
                "burnout.small_tasks", "burnout.motivation", "burnout.responsibilities")) {
            answers = answers.with(item, "2");
        }
        var submitted = data.submit(answers);
        navigate("staff/cases/" + submitted.reference(), CaseView.class);
        assertThat(find(RiskPanel.class).exists()).isFalse();
        assertThat(factorState("emotional_burnout")).isEqualTo("Suggested · not yet decided");
        assertThat(find(ListItem.class, factor("emotional_burnout")).all()).extracting(ListItem::getText)
                .containsExactly("6 of 6 burnout items answered 'more than half the days' or more");

        click(find(Button.class).withAriaLabel("Confirm Emotional burnout").single());

        assertThat(factorState("emotional_burnout")).startsWith("Suggested · confirmed by Dr Amira Khan on ");
        Button confirm = find(Button.class).withAriaLabel("Confirm Emotional burnout").single();
        assertThat(confirm.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(find(Button.class).withAriaLabel("Reject Emotional burnout").single().getElement()
                .getAttribute("aria-pressed")).isNull();
        assertThat(jdbc.queryForObject("select decision from factor_decision where intake_id = ?", String.class,
                submitted.id())).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select count(*) from factor_suggestion where intake_id = ?", Integer.class,
                submitted.id())).isEqualTo(1);
    }

    @Test
    @WithUserDetails("amira")
    void aColleaguesCaseLeadsToTheNotFoundPage() {
        var toms = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Toms"));
        data.asInOwnThread("tom", () -> assignments.assignToMe(IntakeId.of(toms.id())));

        UI.getCurrent().navigate("staff/cases/" + toms.reference());

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(find(CaseView.class).exists()).isFalse();
        // the way back is the therapist's workspace, not the client's intake form at the start page
        assertThat($(com.vaadin.flow.component.html.Anchor.class).id("not-found-back").getHref()).isEqualTo("staff");
        assertThat(data.auditActions(toms.id())).contains("CASE_ACCESS_DENIED").doesNotContain("CASE_OPENED");

        UI.getCurrent().navigate("staff/cases/THW-000000");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    @WithUserDetails("amira")
    void anActionRedrawsOnlyTheSectionsItChangedAndNeverTheAnswers() {
        Answers answers = completeAnswers(ReviewTestData.uniqueWord() + " Partial");
        for (String item : List.of("burnout.exhaustion", "burnout.detached", "burnout.concentration",
                "burnout.small_tasks", "burnout.motivation", "burnout.responsibilities")) {
            answers = answers.with(item, "2");
        }
        var submitted = data.submit(answers);
        navigate("staff/cases/" + submitted.reference(), CaseView.class);
        AnswersPanel answersShown = find(AnswersPanel.class).single();
        var firstAnswerCell = find(com.vaadin.flow.component.html.NativeTableCell.class, answersShown).first();
        ScoresPanel scores = find(ScoresPanel.class).single();
        FactorsPanel factors = find(FactorsPanel.class).single();
        NotesPanel notes = find(NotesPanel.class).single();
        Paragraph facts = find(Paragraph.class).withClassName("case-facts").single();
        assertThat(facts.getText()).contains("Unassigned");

        Div burnout = factor("emotional_burnout");
        String words = "Agreed a first session " + ReviewTestData.uniqueWord();
        test(find(TextArea.class).withLabel("New note").single()).setValue(words);
        click(find(Button.class).withText("Add note").single());

        assertThat(find(Paragraph.class, notes).withClassName("note-body").all()).extracting(Paragraph::getText)
                .containsExactly(words);
        assertThat(find(TextArea.class).withLabel("New note").single().getValue()).isEmpty();
        assertThat(find(Paragraph.class, find(Div.class).withClassName("case-history").single()).all())
                .extracting(Paragraph::getText).anyMatch(line -> line.contains("Added a clinical note"))
                .anyMatch(line -> line.endsWith("Status changed: New → In review"))
                .noneMatch(line -> line.contains("IN_REVIEW"));
        // a note does not touch the factors: the very same elements are still there
        assertThat(factor("emotional_burnout")).isSameAs(burnout);

        click(find(Button.class).withAriaLabel("Confirm Emotional burnout").single());

        assertThat(factorState("emotional_burnout")).startsWith("Suggested · confirmed by Dr Amira Khan on ");
        assertThat(factor("emotional_burnout")).isNotSameAs(burnout);
        assertThat(find(Paragraph.class, notes).withClassName("note-body").single().getText()).isEqualTo(words);

        click(find(Button.class).withText("Assign to me (Alt+A)").single());

        assertThat(find(Paragraph.class).withClassName("case-facts").single()).isSameAs(facts);
        assertThat(facts.getText()).contains("Assigned to Dr Amira Khan");
        // one set of sections, each refreshed in place; the answers never redrawn or read again
        assertThat(find(AnswersPanel.class).single()).isSameAs(answersShown);
        assertThat(find(com.vaadin.flow.component.html.NativeTableCell.class, answersShown).first())
                .isSameAs(firstAnswerCell);
        assertThat(find(ScoresPanel.class).single()).isSameAs(scores);
        assertThat(find(FactorsPanel.class).single()).isSameAs(factors);
        assertThat(find(NotesPanel.class).single()).isSameAs(notes);
        assertThat(data.auditActions(submitted.id())).containsOnlyOnce("CASE_OPENED");
    }

    @Test
    @WithUserDetails("amira")
    void closingACaseWithASessionStillBookedSaysWhichAndLeavesItOpen() {
        var client = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Booked"));
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var start = app.thaw.FreeTimes.next();
        var booked = data.as("admin", () -> scheduling.book(new app.thaw.scheduling.BookingRequest(client.id(), null,
                data.idOf("amira"), individual, app.thaw.scheduling.SessionFormat.ONLINE, null, start, null)));
        assertThat(booked).isInstanceOf(app.thaw.scheduling.BookingResult.Booked.class);
        navigate("staff/cases/" + client.reference(), CaseView.class);

        click(find(Button.class).withId("close-case").single());
        test(find(Select.class).withCaption("Why").single()).selectItem("The client withdrew");
        click(find(Button.class).withText("Close the case").single());

        assertThat(find(Notification.class).all()).extracting(n -> n.getElement().getTextRecursively())
                .containsExactly(client.reference() + " still has a session booked, the next on "
                        + app.thaw.base.PracticeTime.DAY_TIME.format(start) + ": cancel it in the diary first (the "
                        + "client is told), then close the case.");
        Notification first = find(Notification.class).single();
        assertThat(first.getDuration()).as("a refusal stays until it is read and closed").isZero();

        // tried again, the refusal replaces the first one instead of stacking up
        click(find(Button.class).withId("close-case").single());
        test(find(Select.class).withCaption("Why").single()).selectItem("The client withdrew");
        click(find(Button.class).withText("Close the case").single());
        assertThat(first.isOpened()).isFalse();
        Notification refusal = find(Notification.class).single();
        assertThat(refusal).isNotSameAs(first);
        assertThat(refusal.isOpened()).isTrue();
        click(find(Button.class).withAttribute("aria-label", "Close this message").single());
        assertThat(refusal.isOpened()).isFalse();
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, client.id()))
                .isEqualTo("SCHEDULED");
        assertThat(find(Button.class).withId("close-case").exists()).as("still there to close it later").isTrue();
    }

    @Test
    @WithUserDetails("amira")
    void assignToShowsWhoseCaseItIsAndAnEmptiedChoiceReturnsItToTheSharedQueue() {
        var client = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Whose"));
        navigate("staff/cases/" + client.reference(), CaseView.class);
        @SuppressWarnings("unchecked")
        ComboBox<StaffSummary> assignTo = find(ComboBox.class).withId("assign-to").single();
        assertThat(assignTo.getValue()).isNull();
        assertThat(assignTo.getPlaceholder()).isEqualTo("Shared queue");

        click(find(Button.class).withText("Assign to me (Alt+A)").single());

        assertThat(assignTo.getValue()).extracting(StaffSummary::displayName).isEqualTo("Dr Amira Khan");
        assertThat(find(Button.class).withText("Assign to me (Alt+A)").exists())
                .as("no offer to take on a case that is already mine").isFalse();
        // Alt+A on a case already mine changes nothing, so the history gains no second line
        assignments.assignToMe(IntakeId.of(client.id()));
        assertThat(data.auditActions(client.id())).containsOnlyOnce("CASE_ASSIGNED");

        test(assignTo).selectItem(null);

        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, client.id())).isNull();
        assertThat(find(Paragraph.class).withClassName("case-facts").single().getText()).contains("Unassigned");
        assertThat(assignTo.getPlaceholder()).isEqualTo("Shared queue");
        assertThat(find(Button.class).withText("Assign to me (Alt+A)").exists()).isTrue();
        assertThat(data.audit(client.id())).extracting(row -> (String) row.get("detail"))
                .contains("Returned to the shared queue");

        test(assignTo).selectItem("Tom Whitfield");

        // handed to a colleague, the case is no longer this therapist's to see
        assertThat(getCurrentView()).isInstanceOf(ReviewQueueView.class);
        assertThat(jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, client.id())).isEqualTo(data.idOf("tom"));
    }

    private void assertLocked() {
        assertThat(find(FactorsPanel.class).exists()).isFalse();
        assertThat(find(NotesPanel.class).exists()).isFalse();
        assertThat(find(Div.class).withClassName("referral-panel").exists()).isFalse();
        assertThat(find(Button.class).withTextContaining("Assign to me").exists()).isFalse();
    }

    private Div factor(String tagId) {
        return find(Div.class).withClassName("factor").withAttribute("data-tag", tagId).single();
    }

    private String factorState(String tagId) {
        return find(Span.class, factor(tagId)).withClassName("factor-state").single().getText();
    }

    private void click(Button button) {
        test(button).click();
    }
}
