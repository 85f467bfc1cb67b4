package app.thaw.review.ui;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.FreeTimes;
import app.thaw.IntegrationTest;
import app.thaw.SessionTimes;
import app.thaw.base.PracticeTime;
import app.thaw.base.ids.AppointmentId;
import app.thaw.care.TherapyOutcome;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;

/** The care-stage panel's steps as the therapist meets them on the case page. */
@IntegrationTest
class CareStagePanelTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    SessionChanges changes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("amira")
    void endingTherapyWithASessionStillBookedSaysWhichAndLeavesItInTherapy() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Ahead"));
        long attended = book(data, client.id()).session().id();
        SessionTimes.happened(jdbc, attended);
        data.asInOwnThread("amira", () -> changes.recordOutcome(AppointmentId.of(attended),
                AppointmentState.ATTENDED));
        var ahead = book(data, client.id());
        navigate("staff/cases/" + client.reference(), CaseView.class);

        test(find(Button.class).withId("end-therapy").single()).click();
        test(find(Select.class).withCaption("How therapy ended").single()).selectItem(TherapyOutcome.COMPLETED.label());
        test(find(Button.class).withText("End therapy").single()).click();

        assertThat(find(Notification.class).all()).extracting(n -> n.getElement().getTextRecursively())
                .containsExactly(client.reference() + " still has a session booked, the next on "
                        + PracticeTime.DAY_TIME.format(ahead.session().start()) + ": cancel it in the diary first (the "
                        + "client is told), then end therapy; or keep it as a review session after the end.");
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, client.id()))
                .isEqualTo("IN_THERAPY");
        assertThat(find(Button.class).withId("end-therapy").exists()).as("still there to end it later").isTrue();

        // the session ahead is the follow-up the therapist wants: kept, and therapy ends
        test(find(Button.class).withId("end-therapy").single()).click();
        test(find(Select.class).withCaption("How therapy ended").single()).selectItem(TherapyOutcome.COMPLETED.label());
        var keep = find(com.vaadin.flow.component.checkbox.Checkbox.class).withId("keep-for-review").single();
        assertThat(keep.getHelperText()).isEqualTo("1 session is still booked. Left unticked, cancel it in the diary "
                + "first.");
        test(keep).click();
        test(find(Button.class).withText("End therapy").single()).click();
        assertThat(jdbc.queryForObject("select status from intake where id = ?", String.class, client.id()))
                .isEqualTo("ENDED");
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class,
                ahead.session().id())).isEqualTo("BOOKED");
    }

    /** The practice manager books with Dr Amira Khan, who is given the case. */
    private BookingResult.Booked book(ReviewTestData data, long client) {
        long individual = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var result = new AtomicReference<BookingResult>();
        data.asInOwnThread("admin", () -> result.set(scheduling.book(new BookingRequest(client, null,
                data.idOf("amira"), individual, SessionFormat.ONLINE, null, FreeTimes.next(), null))));
        assertThat(result.get()).isInstanceOf(BookingResult.Booked.class);
        return (BookingResult.Booked) result.get();
    }
}
