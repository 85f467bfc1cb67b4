package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.ClientOffers;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SessionFormat;
import app.thaw.scheduling.WorkingWeekData;
import app.thaw.security.StaffAdministration;

/**
 * A therapist who leaves takes no client's offered time with them: deactivation releases the times held in their
 * diary, withdraws an offer left with nothing to choose (and tells the case's staff), and an offer made at that moment
 * either is counted and released or is refused with the reason. Clients never see, or book, a time with them.
 */
@IntegrationTest
class DeactivatingWithOffersOpenIT extends WaitlistTestSupport {

    @Autowired
    StaffAdministration team;
    @Autowired
    DataSource dataSource;
    @Autowired
    WaitlistChanges changes;

    @Test
    void theirHeldTimeLeavesTheOfferAndTheClientChoosesFromTheRest() {
        var client = waiting.waitingClient("Gil " + ReviewTestData.uniqueWord());
        long leaving = newTherapist("Dr Leaving");
        var amiras = waiting.amiraOnline(1, 50).getFirst();
        var theirs = sameHourIn(leaving, amiras.start().plusHours(2));
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()), List.of(amiras, theirs), null));
        String token = client.receipt().statusToken();
        long theirSlot = slotOf(made.offerId(), leaving);
        // a time a cancellation of theirs gave back, suggested for the waiting list
        var freedAt = amiras.start().plusHours(4).toInstant();
        long freedSlot = offerStore.insertSlot("FREED", leaving, null, individualType(), "ONLINE", freedAt,
                freedAt.plusSeconds(3000), freedAt, null, java.time.Instant.now());

        data.as("admin", () -> team.deactivate(StaffId.of(leaving)));

        assertThat(stateOf(theirSlot)).isEqualTo("RELEASED");
        assertThat(stateOf(freedSlot)).isEqualTo("RELEASED");
        assertThat(jdbc.queryForObject("select count(*) from diary_claim where held_slot_id = ?", Integer.class,
                theirSlot)).isZero();
        assertThat(offerState(made.offerId())).isEqualTo("OPEN");
        ClientOffers.Offered seen = clientStatus.offeredTimes(token);
        assertThat(seen.times()).extracting(ClientOffers.Time::start).containsExactly(amiras.start());
        var refused = clientStatus.chooseOfferedTime(token, HeldSlotId.of(theirSlot));
        assertThat(refused.booked()).isFalse();
        assertThat(refused.message()).isEqualTo(OfferChoices.GONE);
        assertThat(clientStatus.chooseOfferedTime(token, HeldSlotId.of(seen.times().getFirst().slotId())).booked())
                .isTrue();
    }

    @Test
    void anOfferOfOnlyTheirTimesIsWithdrawnAndTheCasesTherapistIsTold() {
        var client = waiting.waitingClient("Hal " + ReviewTestData.uniqueWord());
        long leaving = newTherapist("Dr Moving");
        var day = waiting.amiraOnline(1, 50).getFirst().start();
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()),
                List.of(sameHourIn(leaving, day), sameHourIn(leaving, day.plusHours(2))), null));

        data.as("admin", () -> team.deactivate(StaffId.of(leaving)));

        assertThat(offerState(made.offerId())).isEqualTo("WITHDRAWN");
        assertThat(data.audit(client.id())).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("OFFER_WITHDRAWN");
            assertThat(row.get("detail")).isEqualTo("Its therapist no longer sees clients here; the offered times "
                    + "were released");
        });
        // the case's therapist (Amira referred it) hears, by reference only
        assertThat(jdbc.queryForList("select subject from outbox_message where kind = 'OFFER_ENDED' and "
                + "idempotency_key like ?", String.class, "offer-ended/" + made.offerId() + "/%"))
                .containsExactly("Offer withdrawn: case " + client.reference());
        assertThat(clientStatus.offeredTimes(client.receipt().statusToken()).times()).isEmpty();
    }

    @Test
    void aCaseWaitingForThemNowWaitsForAnyTherapistAndSaysSo() {
        var client = waiting.waitingClient("Kay " + ReviewTestData.uniqueWord());
        long leaving = newTherapist("Dr Preferred");
        String name = jdbc.queryForObject("select display_name from staff_account where id = ?", String.class, leaving);
        data.as("amira", () -> changes.setPreferences(IntakeId.of(client.id()), SessionFormat.ONLINE,
                StaffId.of(leaving)));
        assertThat(data.audit(client.id())).anySatisfy(row -> assertThat(row.get("detail"))
                .isEqualTo("Waits for: online, " + name));
        assertThatThrownBy(() -> data.as("amira", () -> changes.setPreferences(IntakeId.of(client.id()), null,
                StaffId.of(data.idOf("admin"))))).isInstanceOf(OfferRefused.class)
                .hasMessage("Choose a therapist who sees clients here, or anyone.");

        data.as("admin", () -> team.deactivate(StaffId.of(leaving)));

        assertThat(jdbc.queryForObject("select preferred_therapist_id from waitlist_entry where intake_id = ? and "
                + "state = 'WAITING'", Long.class, client.id())).isNull();
        assertThat(data.audit(client.id())).anySatisfy(row -> assertThat(row.get("detail")).isEqualTo("The "
                + "therapist they waited for no longer sees clients here: now waiting for any therapist"));
        assertThatThrownBy(() -> data.as("amira", () -> changes.setPreferences(IntakeId.of(client.id()), null,
                StaffId.of(leaving)))).isInstanceOf(OfferRefused.class);
    }

    @Test
    void aTimeInTheDiaryOfSomeoneWhoHasLeftIsNeitherOfferedNorHeldByTheDatabase() {
        var client = waiting.waitingClient("Ivy " + ReviewTestData.uniqueWord());
        long gone = newTherapist("Dr Gone");
        data.as("admin", () -> team.deactivate(StaffId.of(gone)));
        var time = sameHourIn(gone, waiting.amiraOnline(1, 50).getFirst().start());

        assertThatThrownBy(() -> data.as("admin", () -> offers.offer(IntakeId.of(client.id()), List.of(time), null)))
                .isInstanceOf(OfferRefused.class).hasMessage("A therapist of those times no longer sees clients "
                        + "here (their account was deactivated or their role changed). Please find times with another "
                        + "therapist.");
        assertThatThrownBy(() -> jdbc.update("""
                insert into held_slot (therapist_id, type_id, format, starts_at, ends_at, held_until, created_at)
                values (?, ?, 'ONLINE', ?, ?, ?, now())""", gone, individualType(),
                java.sql.Timestamp.from(time.start().toInstant()), java.sql.Timestamp.from(time.end().toInstant()),
                java.sql.Timestamp.from(time.start().toInstant()))).hasMessageContaining("no longer active");
    }

    @Test
    void aDeactivationThatWaitedForAnOfferInFlightReleasesItsTimeAndWithdrawsIt() throws Exception {
        Race race = race("Dr Offering", true);
        assertThat(race.offer()).isNull();
        assertThat(race.deactivation()).isNull();
        assertThat(race.offerState()).isEqualTo("WITHDRAWN");
        assertThat(race.heldTimes()).isZero();
    }

    @Test
    void anOfferThatWaitedWhileItsTherapistWasDeactivatedIsRefusedWithTheReason() throws Exception {
        Race race = race("Dr Departing", false);
        assertThat(race.deactivation()).isNull();
        assertThat(race.offer()).isInstanceOf(OfferRefused.class).hasMessageStartingWith("A therapist of those "
                + "times no longer sees clients here");
        assertThat(race.offerState()).isNull();
        assertThat(race.heldTimes()).isZero();
    }

    @Test
    void whatADepartureSkippedForAClientsChoiceThatThenFailedIsLetGoByTheExpiryJob() throws Exception {
        var client = waiting.waitingClient("Lu " + ReviewTestData.uniqueWord());
        long leaving = newTherapist("Dr Skipped");
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()),
                List.of(sameHourIn(leaving, waiting.amiraOnline(1, 50).getFirst().start())), null));
        long slot = slotOf(made.offerId(), leaving);
        data.as("amira", () -> changes.setPreferences(IntakeId.of(client.id()), null, StaffId.of(leaving)));
        // a client's choice has the case's entry and the time locked while the therapist leaves, and then fails
        try (var choice = dataSource.getConnection(); var statement = choice.createStatement()) {
            choice.setAutoCommit(false);
            statement.execute("select 1 from waitlist_entry where intake_id = " + client.id()
                    + " and state = 'WAITING' for update");
            statement.execute("select 1 from held_slot where id = " + slot + " for update");
            data.as("admin", () -> team.deactivate(StaffId.of(leaving)));
            choice.rollback();
        }
        assertThat(stateOf(slot)).isEqualTo("HELD");
        assertThat(clientStatus.offeredTimes(client.receipt().statusToken()).times()).isEmpty();

        expiry.expireDue(java.time.Instant.now());

        assertThat(stateOf(slot)).isEqualTo("RELEASED");
        assertThat(offerState(made.offerId())).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("select preferred_therapist_id from waitlist_entry where intake_id = ? and "
                + "state = 'WAITING'", Long.class, client.id())).isNull();
        assertThat(data.audit(client.id())).extracting(row -> row.get("action"))
                .contains("OFFER_WITHDRAWN", "WAITLIST_CHANGED");
    }

    private record Race(@Nullable Throwable offer, @Nullable Throwable deactivation, @Nullable String offerState,
                        long heldTimes) {
    }

    /** An offer of a time in the therapist's diary and the therapist's deactivation both wait for the diary. */
    private Race race(String name, boolean offerFirst) throws Exception {
        var client = waiting.waitingClient("Jo " + ReviewTestData.uniqueWord());
        long therapist = newTherapist(name);
        var time = sameHourIn(therapist, waiting.amiraOnline(1, 50).getFirst().start());
        var both = new LockWaits(jdbc, dataSource).queueBehind(LockWaits.turn(LockWaits.DIARY, therapist),
                offerFirst, "the offer", () -> asAdmin(() -> offers.offer(IntakeId.of(client.id()), List.of(time),
                        null)), "the deactivation", () -> asAdmin(() -> team.deactivate(StaffId.of(therapist))));
        Throwable offerRefusal = LockWaits.failureOf(both.a());
        Throwable deactivationRefusal = LockWaits.failureOf(both.b());
        List<String> states = jdbc.queryForList("select o.state from slot_offer o join waitlist_entry e on "
                + "e.id = o.entry_id where e.intake_id = ?", String.class, client.id());
        return new Race(offerRefusal, deactivationRefusal, states.isEmpty() ? null : states.getFirst(),
                jdbc.queryForObject("select count(*) from held_slot where therapist_id = ? and state = 'HELD'",
                        Long.class, therapist));
    }

    private Void asAdmin(Runnable work) {
        data.as("admin", work);
        return null;
    }

    private long newTherapist(String name) {
        return new WorkingWeekData(data, team, scheduling, jdbc).therapist(name + " " + ReviewTestData.uniqueWord());
    }

    private static OfferedTime sameHourIn(long therapist, ZonedDateTime start) {
        return new OfferedTime(therapist, SessionFormat.ONLINE, null, start, start.plusMinutes(50));
    }

    private long slotOf(long offerId, long therapist) {
        return jdbc.queryForObject("select h.id from held_slot h join slot_offer_time t on t.slot_id = h.id "
                + "where t.offer_id = ? and h.therapist_id = ?", Long.class, offerId, therapist);
    }

    private String stateOf(long slot) {
        return jdbc.queryForObject("select state from held_slot where id = ?", String.class, slot);
    }

    private String offerState(long offerId) {
        return jdbc.queryForObject("select state from slot_offer where id = ?", String.class, offerId);
    }
}
