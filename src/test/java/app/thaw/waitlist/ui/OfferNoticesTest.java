package app.thaw.waitlist.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.intake.ui.StatusView;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionChanges;
import app.thaw.security.StaffAccountService;
import app.thaw.waitlist.OfferService;
import app.thaw.waitlist.OfferedTime;
import app.thaw.waitlist.WaitlistTestData;

/**
 * What a couple's pages say of an offer, from the times offered to the session chosen from them, moved as asked and
 * then cancelled: each line says where things stand now, never that a cancelled session is booked or "now on" a day;
 * their emails say the page lets them ask for a change, as a joint session is changed through the practice.
 */
@IntegrationTest
@WithAnonymousUser
class OfferNoticesTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    ReferralService referrals;
    @Autowired
    CareActions care;
    @Autowired
    OfferService offers;
    @Autowired
    SessionChanges changes;
    @Autowired
    ClientStatusService clientStatus;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onceTheSessionChosenFromAnOfferIsCancelledNoPageSaysItIsBooked() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var waiting = new WaitlistTestData(data, caseOpening, referrals, care, jdbc);
        var made = new AtomicReference<WaitlistTestData.Couple>();
        data.asInOwnThread("admin", () -> made.set(waiting.waitingCouple("Offered-" + ReviewTestData.uniqueWord())));
        var alex = made.get().alex();
        var sam = made.get().sam();
        var times = waiting.amiraOnline(3, 80);
        data.asInOwnThread("amira", () -> offers.offer(IntakeId.of(alex.id()), times, null));
        String alexToken = alex.receipt().statusToken();
        String samToken = sam.receipt().statusToken();

        // while times are offered, what happens next is to choose one, not to wait to be contacted
        assertThat(page("status/" + alexToken)).contains("Choose a time for your first session",
                "What happens next", "Choose one of the times above. If none of them suits you, you stay on our "
                        + "waiting list: when another time comes free, we'll contact you")
                .doesNotContain("You're on our waiting list. When a time comes free");
        test(find(Button.class).withText("Choose this time").first()).click();
        long session = jdbc.queryForObject("select id from appointment where intake_id = ? and state = 'BOOKED'",
                Long.class, alex.id());
        // each names the heading the client will find, on the page they are reading
        assertThat(page("status/" + alexToken)).contains("Your first session is booked: you'll find it below, under "
                + "‘What's booked’.", "What's booked").doesNotContain("Appointments");
        assertThat(page("status/" + samToken)).contains("Your partner has chosen a time for your first session: "
                + "you'll find it below, under ‘What's booked’.");
        String alexOffer = waiting.offerLink(alex.id());
        assertThat(page("offer/" + alexOffer)).contains("Your first session is booked: your status page shows it "
                + "under ‘What's booked’.", "Its link is in the first email we sent you, ‘We have received your "
                + "form’.").doesNotContain("Appointments");

        // Alex asks to rearrange it, and the practice moves it as asked
        clientStatus.requestAppointmentChange(alexToken, AppointmentId.of(session), false, "Later that day");
        OfferedTime later = times.getLast();
        var moved = new AtomicReference<BookingResult>();
        data.asInOwnThread("amira", () -> moved.set(changes.reschedule(AppointmentId.of(session), later.start(),
                null)));
        assertThat(moved.get()).isInstanceOf(BookingResult.Booked.class);
        assertThat(page("status/" + alexToken)).contains("You asked to rearrange your session: done — it is now on");
        // a joint session is changed by asking the practice, and the emails say just that
        assertThat(jdbc.queryForList("select kind from outbox_message where appointment_id = ? order by id",
                String.class, session)).containsExactly("BOOKED", "CHANGED");
        assertThat(jdbc.queryForList("select body_text from outbox_message where appointment_id = ?", String.class,
                session)).allSatisfy(body ->
                assertThat(body).contains("Your private page shows your appointments and lets you ask us to move or "
                        + "cancel them: ").doesNotContain("lets you move or cancel"));

        // then the practice cancels it
        data.asInOwnThread("amira", () -> changes.cancel(AppointmentId.of(session), false, "Therapist unwell"));
        String alexPage = page("status/" + alexToken);
        assertThat(alexPage).doesNotContain("Your first session is booked").doesNotContain("it is now on")
                .contains("You asked to rearrange your session: it was moved as you asked, and has since been "
                        + "cancelled.", "Nothing is booked");
        assertThat(page("status/" + samToken)).doesNotContain("Your partner has chosen a time")
                .contains("Nothing is booked");
        assertThat(page("offer/" + alexOffer))
                .contains("The session booked from these times has been cancelled.", "Its link is in the first email")
                .doesNotContain("Your first session is booked");
    }

    private String page(String location) {
        if (location.startsWith("offer/")) {
            navigate(location, OfferView.class);
        } else {
            navigate(location, StatusView.class);
        }
        return getCurrentView().getElement().getTextRecursively();
    }
}
