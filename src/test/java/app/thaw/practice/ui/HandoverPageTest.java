package app.thaw.practice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ui.NotFoundView;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffAdministration;

/** The hand-over page: says what is missing, asks before deactivating, and is only for therapists. */
@IntegrationTest
class HandoverPageTest extends SpringBrowserlessTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired IntakeService intake;
    @Autowired StaffAccountService staff;
    @Autowired StaffAdministration team;
    @Autowired SchedulingService scheduling;
    @Autowired SubjectAccessRequests accessRequests;

    @Test
    @WithUserDetails("admin")
    void giveAllWithNoColleagueChosenSaysSoUnderThePicker() {
        var data = new ReviewTestData(intake, staff, jdbc);
        long leaving = new WorkingWeekData(data, team, scheduling, jdbc).therapist("Dr Giving " + ReviewTestData
                .uniqueWord());
        var client = data.submit(IntakeFixtures.completeAnswers("Noa " + ReviewTestData.uniqueWord()));
        data.as("admin", () -> accessRequests.record(IntakeId.of(client.id()), LocalDate.now(), StaffId.of(leaving)));
        navigate("staff/admin/team/" + leaving + "/hand-over", HandoverView.class);

        test(find(Button.class).withText("Give all sessions, cases and reviews").single()).click();

        Select<?> everything = find(Select.class).withCondition(s -> "Give everything to".equals(s.getLabel()))
                .single();
        assertThat(everything.isInvalid()).isTrue();
        assertThat(everything.getErrorMessage()).isEqualTo("Choose the colleague who takes everything.");
    }

    @Test
    @WithUserDetails("admin")
    void deactivatingFromTheHandOverAsksFirst() {
        var data = new ReviewTestData(intake, staff, jdbc);
        long leaving = new WorkingWeekData(data, team, scheduling, jdbc).therapist("Dr Leaving " + ReviewTestData
                .uniqueWord());
        navigate("staff/admin/team/" + leaving + "/hand-over", HandoverView.class);

        test(find(Button.class).withId("deactivate-after-handover").single()).click();
        assertThat(active(leaving)).as("nothing happens before the manager confirms").isTrue();
        test(find(Button.class).withText("Cancel").single()).click();
        assertThat(active(leaving)).isTrue();

        test(find(Button.class).withId("deactivate-after-handover").single()).click();
        test(find(Button.class).withId("confirm-deactivate").single()).click();
        assertThat(active(leaving)).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void theManagersOwnAccountHasNoHandOverPage() {
        long admin = jdbc.queryForObject("select id from staff_account where username = 'admin'", Long.class);
        UI.getCurrent().navigate("staff/admin/team/" + admin + "/hand-over");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(find(Button.class).withId("deactivate-after-handover").exists()).isFalse();
    }

    private boolean active(long staffId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select active from staff_account where id = ?",
                Boolean.class, staffId));
    }
}
