package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.TimeAwayId;
import app.thaw.base.ids.WorkingHoursId;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AwayReason;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;
import app.thaw.scheduling.LeaveService;

/**
 * A day the practice closes, time away a therapist adds, or hours they no longer keep are offered to nobody: the times held then for waiting
 * clients go back at once (an offer left with none is withdrawn, and its staff told to offer new times), so no client
 * picks a time the practice can no longer keep; times outside it, and other therapists' times, stay offered.
 */
@IntegrationTest
class ClosedTimeWithOffersIT extends WaitlistTestSupport {

    @Autowired
    LeaveService leave;
    @Autowired
    DiarySetupService setup;
    @Autowired
    StaffAdministration team;

    @Test
    void aDayThePracticeClosesTakesItsOfferedTimesBackAndWithdrawsAnOfferLeftWithNone() {
        var times = waiting.amiraOnline(2, 50);
        LocalDate day = times.getFirst().start().toLocalDate();
        var client = waiting.waitingClient("Flo " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()), times, null));

        data.as("admin", () -> leave.closeDay(day, "Practice move"));
        try {
            assertThat(offerState(made.offerId())).isEqualTo("WITHDRAWN");
            assertThat(heldStates(made.offerId())).containsOnly("RELEASED");
            assertThat(clientStatus.offeredTimes(client.receipt().statusToken()).times()).isEmpty();
            assertThat(data.audit(client.id())).anySatisfy(row -> assertThat(row.get("detail"))
                    .isEqualTo("The practice closed or the therapist is away then; the offered times were released"));
            assertThat(jdbc.queryForList("select subject from outbox_message where kind = 'OFFER_ENDED' and "
                    + "idempotency_key like ?", String.class, "offer-ended/" + made.offerId() + "/%"))
                    .containsExactly("Offer withdrawn: case " + client.reference());
        } finally {
            data.as("admin", () -> leave.removeClosure(day));
        }
    }

    @Test
    void timeAwayTakesBackOnlyTheTimesInsideItAndTheRestStayOffered() {
        var times = waiting.amiraOnline(2, 50);
        var first = times.getFirst().start();
        var client = waiting.waitingClient("Gus " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()), times, null));

        // Amira is away the first hour of that morning only
        var away = data.as("amira", () -> leave.addTimeAway(StaffId.of(data.idOf("amira")), first.toLocalDate(),
                null, first.toLocalTime(), first.toLocalTime().plusHours(1), AwayReason.TRAINING, null));
        try {
            assertThat(offerState(made.offerId())).isEqualTo("OPEN");
            assertThat(clientStatus.offeredTimes(client.receipt().statusToken()).times()).singleElement()
                    .satisfies(left -> assertThat(left.start()).isEqualTo(times.get(1).start()));
            assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'OFFER_ENDED' and "
                    + "idempotency_key like ?", Integer.class, "offer-ended/" + made.offerId() + "/%"))
                    .as("the offer still has a time to choose: nobody needs to act").isZero();
        } finally {
            data.as("amira", () -> leave.removeTimeAway(StaffId.of(data.idOf("amira")),
                    TimeAwayId.of(away.away().id())));
        }
    }

    @Test
    void anotherTherapistsTimeAwayLeavesTheOfferAlone() {
        var times = waiting.amiraOnline(1, 50);
        var start = times.getFirst().start();
        var client = waiting.waitingClient("Hal " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()), times, null));

        var away = data.as("admin", () -> leave.addTimeAway(StaffId.of(data.idOf("grace")), start.toLocalDate(),
                null, LocalTime.of(8, 0), LocalTime.of(18, 0), AwayReason.ANNUAL_LEAVE, null));
        try {
            assertThat(offerState(made.offerId())).isEqualTo("OPEN");
            assertThat(heldStates(made.offerId())).containsOnly("HELD");
        } finally {
            data.as("admin", () -> leave.removeTimeAway(StaffId.of(data.idOf("grace")),
                    TimeAwayId.of(away.away().id())));
        }
    }

    @Test
    void hoursATherapistNoLongerKeepsTakeTheirOfferedTimesBack() {
        var diaries = new WorkingWeekData(data, team, scheduling, jdbc);
        long therapist = diaries.therapist("Dr Mondays " + ReviewTestData.uniqueWord());
        StaffId id = StaffId.of(therapist);
        var monday = data.as("admin", () -> setup.addWorkingHours(id, DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalTime.of(17, 0)));
        data.as("admin", () -> setup.addWorkingHours(id, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        var start = WorkingWeekData.at(WorkingWeekData.farMonday(), 10, 0);
        var client = waiting.waitingClient("Ida " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()), List.of(new OfferedTime(
                therapist, SessionFormat.ONLINE, null, start, start.plusMinutes(50))), null));

        // the therapist stops working Mondays
        data.as("admin", () -> setup.removeWorkingHours(id, WorkingHoursId.of(monday.id())));

        assertThat(offerState(made.offerId())).isEqualTo("WITHDRAWN");
        assertThat(heldStates(made.offerId())).containsOnly("RELEASED");
    }

    private List<String> heldStates(long offerId) {
        return jdbc.queryForList("select h.state from held_slot h join slot_offer_time t on t.slot_id = h.id "
                + "where t.offer_id = ?", String.class, offerId);
    }

    private String offerState(long offerId) {
        return jdbc.queryForObject("select state from slot_offer where id = ?", String.class, offerId);
    }
}
