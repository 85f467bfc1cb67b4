package app.thaw.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.privacy.AccessRequestView;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.CaseAssignments;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;

@IntegrationTest
class DisclosureReviewViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;
    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseAssignments assignments;
    @Autowired
    SubjectAccessRequests requests;
    @Autowired
    UserDetailsService staff;
    @Autowired
    JdbcTemplate jdbc;

    /** A client of Amira's with a note, whose subject access request waits for her review. */
    private record Waiting(long requestId, String reference, String name, String note) {
    }

    private Waiting aRequestForAmira() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String name = ReviewTestData.uniqueWord() + " Asking";
        var submitted = data.submit(IntakeFixtures.completeAnswers(name));
        String note = "Notetowithhold" + ReviewTestData.uniqueWord() + " about her father's death.";
        data.as("amira", () -> {
            assignments.assignToMe(IntakeId.of(submitted.id()));
            caseWork.addNote(IntakeId.of(submitted.id()), note);
        });
        AccessRequestView request = data.as("admin", () -> requests.record(IntakeId.of(submitted.id()),
                LocalDate.now(Application.PRACTICE_ZONE).minusDays(20), null));
        return new Waiting(request.id(), submitted.reference(), name, note);
    }

    @Test
    @WithUserDetails("amira")
    void theClinicianWithholdsANoteWithTheSeriousHarmReasonAndApprovesTheRelease() {
        Waiting waiting = aRequestForAmira();

        var list = navigate(DisclosureReviewsView.class);
        assertThat(list.shown()).filteredOn(r -> r.id() == waiting.requestId()).singleElement()
                .satisfies(r -> assertThat(r.deadlineWords()).endsWith("left"));

        UI.getCurrent().navigate(DisclosureReviewView.class,
                new RouteParameters(DisclosureReviewView.PARAMETER, String.valueOf(waiting.requestId())));
        assertThat(getCurrentView()).isInstanceOf(DisclosureReviewView.class);
        var view = (DisclosureReviewView) getCurrentView();
        String page = view.getElement().getTextRecursively();
        assertThat(page).contains(waiting.name(), waiting.reference(), waiting.note(), "cry since my dad died",
                "Also in the files");

        Div row = find(Div.class).withClassName("disclosure-item")
                .withCondition(div -> div.getElement().getTextRecursively().contains(waiting.note())).single();
        test(find(Checkbox.class, row).single()).click();
        test(find(Button.class).withId("disclosure-approve").single()).click();
        assertThat(find(Paragraph.class).withId("disclosure-message").single().getText())
                .isEqualTo("Give the reason for each part you withhold.");
        assertThat(status(waiting)).isEqualTo("AWAITING_REVIEW");

        test(find(TextArea.class, row).single()).setValue("Reading this now would be likely to harm her seriously.");
        test(find(Button.class).withId("disclosure-approve").single()).click();

        assertThat(getCurrentView()).isInstanceOf(DisclosureReviewsView.class);
        assertThat(status(waiting)).isEqualTo("APPROVED_WITH_REDACTIONS");
        assertThat(jdbc.queryForObject("select count(*) from subject_access_withheld where request_id = ?",
                Integer.class, waiting.requestId())).isEqualTo(1);
        assertThat(((DisclosureReviewsView) getCurrentView()).shown()).extracting(AccessRequestView::id)
                .doesNotContain(waiting.requestId());
    }

    @Test
    @WithUserDetails("tom")
    void anotherTherapistFindsNothingThere() {
        Waiting waiting = aRequestForAmira();

        var list = navigate(DisclosureReviewsView.class);
        assertThat(list.shown()).extracting(AccessRequestView::id).doesNotContain(waiting.requestId());
        UI.getCurrent().navigate(DisclosureReviewView.class,
                new RouteParameters(DisclosureReviewView.PARAMETER, String.valueOf(waiting.requestId())));

        assertThat(getCurrentView()).isNotInstanceOf(DisclosureReviewView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("We couldn't find that page")
                .doesNotContain(waiting.name()).doesNotContain(waiting.note());
    }

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerCannotOpenTheReviews() {
        UI.getCurrent().navigate(DisclosureReviewsView.class);

        assertThat(getCurrentView()).isNotInstanceOf(DisclosureReviewsView.class);
    }

    private String status(Waiting waiting) {
        return jdbc.queryForObject("select status from subject_access_request where id = ?", String.class,
                waiting.requestId());
    }
}
