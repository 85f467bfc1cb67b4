package app.thaw.review.ui;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static app.thaw.intake.IntakeFixtures.couplesAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;

/**
 * A couple's case as the therapist reads it: the partners side by side by name, in columns that line up from one
 * section to the next, their scores side by side too, and the partner's own case one link away.
 */
@IntegrationTest
class CoupleCaseViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseWorkService caseWork;

    ReviewTestData data;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
    }

    @Test
    @WithUserDetails("amira")
    void thePartnersAnswersAndScoresStandSideBySideUnderTheirNames() {
        String surname = ReviewTestData.uniqueWord();
        var alex = data.submit(couplesAnswers("Alex " + surname));
        // Sam's low mood is worse than Alex's (8, every item "several days" but the ninth): 3 × 3 + 5 × 1
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(), couplesAnswers("Sam " + surname)
                .with("phq9.1", "3").with("phq9.2", "3").with("phq9.3", "3"));

        navigate("staff/cases/" + alex.reference(), CaseView.class);

        Paragraph couple = find(Paragraph.class).withClassName("case-partner").single();
        assertThat(couple.getText()).startsWith("Couple case with Sam " + surname + " (")
                .endsWith("): neither partner can see the other's answers.");
        assertThat(find(Anchor.class, couple).single().getHref()).isEqualTo("staff/cases/" + sam.reference());

        AnswersPanel answers = find(AnswersPanel.class).single();
        List<NativeTable> sections = find(NativeTable.class, answers).all();
        assertThat(sections).hasSizeGreaterThan(5).allSatisfy(table -> {
            assertThat(table.getClassNames()).contains("answers-table", "couple");
            assertThat(headings(table)).containsExactly("Question", "Alex " + surname, "Partner: Sam " + surname);
            // a phone shows each answer under the question with its partner's name (CSS reads data-partner)
            assertThat(find(com.vaadin.flow.component.html.NativeTableCell.class, table).all())
                    .isNotEmpty().extracting(cell -> cell.getElement().getAttribute("data-partner"))
                    .containsOnly("Alex " + surname, "Sam " + surname);
        });

        ScoresPanel scores = find(ScoresPanel.class).single();
        assertThat(headings(find(NativeTable.class, scores).single()))
                .containsExactly("Score", "Alex " + surname, "Partner: Sam " + surname);
        assertThat(cells(scores, "phq9")).containsExactly("PHQ-9 (low mood)", "8 / 27 Mild", "14 / 27 Moderate");
    }

    @Test
    @WithUserDetails("amira")
    void aPartnersUnreviewedRiskIsSaidInTheOtherPartnersCaseUntilItIsReviewed() {
        String surname = ReviewTestData.uniqueWord();
        var alex = data.submit(couplesAnswers("Alex " + surname));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(), couplesAnswers("Sam " + surname)
                .with("safety.safe_now", "no"));

        navigate("staff/cases/" + alex.reference(), CaseView.class);

        Paragraph risk = find(Paragraph.class).withClassName("partner-risk").single();
        assertThat(risk.getElement().getTextRecursively()).isEqualTo("Sam " + surname + "'s answers raised an urgent "
                + "risk that no therapist has reviewed yet: no session can be booked for either partner until one "
                + "has. Review the risk in " + sam.reference());
        assertThat(find(Anchor.class, risk).single().getHref()).isEqualTo("staff/cases/" + sam.reference() + "#risk");

        caseWork.acknowledgeRisk(IntakeId.of(sam.id()), "Called Sam: safe at a friend's tonight, plan agreed.");
        navigate("staff/cases/" + alex.reference(), CaseView.class);

        assertThat(find(Paragraph.class).withClassName("partner-risk").exists()).isFalse();
        assertThat(find(Paragraph.class).withClassName("case-partner").exists()).isTrue();
    }

    @Test
    @WithUserDetails("amira")
    void oneClientsAnswersAreHeadedAnswerAndTheirScoresHaveTotalAndBand() {
        var alone = data.submit(completeAnswers("Robin " + ReviewTestData.uniqueWord()));

        navigate("staff/cases/" + alone.reference(), CaseView.class);

        assertThat(find(Paragraph.class).withClassName("case-partner").exists()).isFalse();
        AnswersPanel answers = find(AnswersPanel.class).single();
        assertThat(find(NativeTable.class, answers).all()).allSatisfy(table -> {
            assertThat(table.getClassNames()).doesNotContain("couple");
            assertThat(headings(table)).containsExactly("Question", "Answer");
        });
        assertThat(find(NativeTable.class, find(ScoresPanel.class).single()).single().getChildren()
                .map(part -> part.getElement().getTag())).containsExactly("tbody");
        assertThat(cells(find(ScoresPanel.class).single(), "phq9")).containsExactly("PHQ-9 (low mood)", "8 / 27",
                "Mild");
    }

    private List<String> headings(NativeTable table) {
        return find(NativeTableHeaderCell.class, table).all().stream()
                .filter(cell -> cell.getParent().flatMap(row -> row.getParent())
                        .filter(group -> group.getElement().getTag().equals("thead")).isPresent())
                .map(cell -> cell.getElement().getText()).toList();
    }

    private List<String> cells(ScoresPanel scores, String scoreId) {
        NativeTableRow row = find(NativeTableRow.class, scores).all().stream()
                .filter(r -> scoreId.equals(r.getElement().getAttribute("data-score"))).findFirst().orElseThrow();
        return row.getChildren().map(cell -> cell.getElement().getTextRecursively().strip()).toList();
    }
}
