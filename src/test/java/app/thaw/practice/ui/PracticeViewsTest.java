package app.thaw.practice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.time.LocalDate;

import com.vaadin.flow.component.select.Select;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.privacy.ReviewerChoice;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;
import app.thaw.base.PracticeSettings;
import app.thaw.practice.PracticeDetailsService;

/** The practice manager's pages of issue 15, driven through their real view classes. */
@IntegrationTest
class PracticeViewsTest extends SpringBrowserlessTest {

    @Autowired
    PracticeDetailsService details;

    @Autowired
    PracticeSettings settings;

    @Test
    @WithUserDetails("admin")
    void practiceDetailsExplainAWrongFieldBesideItAndKeepTheDefaultsInView() {
        navigate(PracticeDetailsView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains("Practice details", "Reports");
        var email = find(TextField.class).withLabel("Email").single();
        assertThat(email.getPlaceholder()).isEqualTo(settings.defaults().email());
        test(email).setValue("nobody at all");
        var notice = find(IntegerField.class).withLabel("Clients may cancel online up to (hours before)").single();
        notice.setValue(1000); // typed past the field's own limit (the tester refuses to, a keyboard doesn't)
        test(find(Button.class).withText("Save practice details").single()).click();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("This doesn't look like an email address.");
        assertThat(notice.isInvalid()).isTrue();
        assertThat(settings.stored().email()).isNull();
    }

    @Test
    @WithUserDetails("admin")
    void aNewKindOfSessionIsAddedFromPracticeDetails() {
        navigate(PracticeDetailsView.class);
        String label = "Review session " + System.nanoTime();
        test(find(TextField.class).withLabel("New kind of session").single()).setValue(label);
        test(find(Button.class).withText("Add").single()).click();
        assertThat(details.sessionTypes()).anySatisfy(type -> {
            assertThat(type.label()).isEqualTo(label);
            assertThat(type.defaultMinutes()).isEqualTo(50);
            assertThat(type.treatment()).isTrue();
        });
        assertThat(find(TextField.class).withCondition(field -> label.equals(field.getValue())).exists()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void everyReportHasAChartATableAndACsv() {
        navigate(ReportsView.class);
        assertThat(find(H3.class).all()).extracting(H3::getText).contains("Sessions by week",
                "Utilisation of therapists' hours and rooms", "New referrals and time to first session")
                .anyMatch(text -> text.startsWith("Late cancellations (inside "));
        assertThat(find(Html.class).all()).hasSize(4)
                .allSatisfy(chart -> assertThat(chart.getInnerHtml()).contains("<svg", "role=\"img\""));
        assertThat(find(Anchor.class).withText("Download CSV").all()).hasSize(4);
    }

    @Test
    @WithUserDetails("admin")
    void theHandOverListsATherapistsSessionsAndCasesBeforeDeactivating() {
        long grace = jdbc.queryForObject("select id from staff_account where username = 'grace'", Long.class);
        navigate("staff/admin/team/" + grace + "/hand-over", HandoverView.class);
        assertThat(find(H3.class).all()).extracting(H3::getText)
                .anyMatch(text -> text.startsWith("Sessions to come ("))
                .anyMatch(text -> text.startsWith("Cases they hold ("));
        assertThat(find(Button.class).withId("deactivate-after-handover").exists()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void aReviewToDoIsGivenToAColleagueFromTheHandOverAndThenTheTherapistCanLeave() {
        var data = new ReviewTestData(intake, staff, jdbc);
        long leaving = new WorkingWeekData(data, team, scheduling, jdbc).therapist("Dr Handing " + ReviewTestData
                .uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Lou " + ReviewTestData.uniqueWord()));
        var request = data.as("admin", () -> accessRequests.record(IntakeId.of(client.id()), LocalDate.now(),
                StaffId.of(leaving)));
        navigate("staff/admin/team/" + leaving + "/hand-over", HandoverView.class);
        assertThat(find(H3.class).all()).extracting(H3::getText).contains("Subject access reviews to do (1)");
        assertThat(find(Button.class).withId("deactivate-after-handover").single().isEnabled()).isFalse();

        Select<ReviewerChoice.Reviewer> who = find(Select.class).withCondition(select -> ("Who reviews "
                + client.reference()).equals(select.getAriaLabel().orElse(null))).single();
        test(who).selectItem(who.getListDataView().getItems().filter(r -> r.name().equals("Dr Amira Khan"))
                .map(r -> who.getItemLabelGenerator().apply(r)).findFirst().orElseThrow());
        test(find(Button.class).withText("Give").withCondition(b -> b.getParent().orElseThrow()
                .getChildren().anyMatch(c -> c == who)).single()).click();

        assertThat(find(H3.class).all()).extracting(H3::getText).contains("Subject access reviews to do (0)");
        assertThat(jdbc.queryForObject("select reviewer_id from subject_access_request where id = ?", Long.class,
                request.id())).isEqualTo(data.idOf("amira"));
        assertThat(find(Button.class).withId("deactivate-after-handover").single().isEnabled()).isTrue();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    StaffAdministration team;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    SubjectAccessRequests accessRequests;
}
