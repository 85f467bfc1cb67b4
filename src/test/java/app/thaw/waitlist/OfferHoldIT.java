package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.audit.AuditLog;
import app.thaw.base.PracticeTime;
import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.IntegrationTest;
import app.thaw.intake.ClientOffers;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.HeldBookings;
import app.thaw.security.CurrentUser;
import app.thaw.waitlist.domain.WaitlistRows;

/**
 * An offer's hold never outlasts its times: it ends {@link OfferService#CHOOSING_LEAD} before the last one starts, a
 * time that close is neither offered nor chosen, and times that have passed are said to have passed, not been taken.
 * The offer and the client's page are driven by clocks set around the offered day.
 */
@IntegrationTest
class OfferHoldIT extends WaitlistTestSupport {

    @Autowired
    OfferHolds holds;
    @Autowired
    WaitingEntries entries;
    @Autowired
    CaseAccess access;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    HeldBookings heldBookings;
    @Autowired
    AuditLog auditLog;
    @Autowired
    OfferEndings endings;

    @Test
    void theHoldEndsTwoHoursBeforeTheLastTimeAndTheEmailSaysSo() {
        var client = waiting.waitingClient("Held " + ReviewTestData.uniqueWord());
        List<OfferedTime> times = waiting.amiraOnline(3, 50);
        ZonedDateTime last = times.getLast().start();

        // offered the evening before, for 09:00, 11:00 and 13:00: kept until 11:00, not for the 48 hours asked
        OfferMade made = data.as("amira", () -> offersAt(last.minusDays(1).withHour(21).withMinute(33))
                .offer(IntakeId.of(client.id()), times, null));

        assertThat(made.openUntil()).isEqualTo(last.minusHours(2).toInstant());
        assertThat(jdbc.queryForObject("select expires_at from slot_offer where id = ?", Timestamp.class,
                made.offerId()).toInstant()).isEqualTo(last.minusHours(2).toInstant());
        assertThat(jdbc.queryForObject("select body_text from outbox_message where kind = 'SLOT_OFFER' and "
                + "idempotency_key like ? order by id desc limit 1", String.class, "intake-" + client.id() + "/%"))
                .contains("We keep them for you until " + PracticeTime.LONG_DAY.format(last) + ", 11:00 (");
    }

    @Test
    void aTimeStartingWithinTwoHoursIsNotOfferedAndAShorterHoldIsKeptAsAsked() {
        var client = waiting.waitingClient("Soon " + ReviewTestData.uniqueWord());
        List<OfferedTime> times = waiting.amiraOnline(3, 50);
        OfferService at0730 = offersAt(times.getFirst().start().withHour(7).withMinute(30));

        assertThatThrownBy(() -> data.as("amira", () -> at0730.offer(IntakeId.of(client.id()), times, null)))
                .isInstanceOf(OfferRefused.class).hasMessageContaining("starts within the next 2 hours, too soon for "
                        + "the client to choose it");
        assertThat(jdbc.queryForObject("select count(*) from slot_offer o join waitlist_entry e on e.id = o.entry_id "
                + "where e.intake_id = ?", Integer.class, client.id())).isZero();

        // the later times can be offered, and a hold shorter than the rule's is kept as asked
        OfferMade later = data.as("amira", () -> at0730.offer(IntakeId.of(client.id()), times.subList(1, 3), 1));
        assertThat(later.openUntil()).isEqualTo(times.getFirst().start().withHour(8).withMinute(30).toInstant());
    }

    @Test
    void timesThatHavePassedAreSaidToHavePassedNotToHaveBeenTaken() {
        var client = waiting.waitingClient("Passed " + ReviewTestData.uniqueWord());
        List<OfferedTime> times = waiting.amiraOnline(3, 50);
        ZonedDateTime nine = times.getFirst().start();
        OfferMade made = data.as("amira", () -> offers.offer(IntakeId.of(client.id()), times, null));
        List<Long> slots = offerStore.slotsOf(made.offerId()).stream().map(WaitlistRows.Slot::id).toList();

        // an offer held past its times (as before this rule): open, its times still held
        expires(made, nine.plusDays(1));
        ClientOffers.Offered atTen = choicesAt(nine.plusHours(1)).offered(client.id(), made.offerId());
        assertThat(atTen.times()).extracting(ClientOffers.Time::slotId).containsExactly(slots.get(2));
        var tooClose = choicesAt(nine.plusHours(1)).choose(made.offerId(), client.id(), slots.get(1));
        assertThat(tooClose.booked()).isFalse();
        assertThat(tooClose.message()).startsWith("Sorry, that time is now too close to choose.");
        var gone = choicesAt(nine.plusHours(1)).choose(made.offerId(), client.id(), slots.getFirst());
        assertThat(gone.message()).startsWith("Sorry, that time has passed.");
        assertThat(choicesAt(nine.plusHours(3)).offered(client.id(), made.offerId()).note())
                .isEqualTo("The times we offered are now too close to choose. The practice will be in touch with "
                        + "new times.");
        assertThat(choicesAt(nine.plusHours(5)).offered(client.id(), made.offerId()).note())
                .isEqualTo("The times we offered have passed. The practice will be in touch with new times.");

        // held as the rule holds it now: lapsed at 11:00, then passed once the last time has started
        expires(made, nine.plusHours(2));
        assertThat(choicesAt(nine.plusHours(3)).offered(client.id(), made.offerId()).note())
                .startsWith("Sorry, these times were only kept until ").contains("11:00");
        assertThat(choicesAt(nine.plusHours(5)).offered(client.id(), made.offerId()).note())
                .isEqualTo("The times we offered have passed. The practice will be in touch with new times.");
        assertThat(sessionsOf(client.id())).isZero();
    }

    private void expires(OfferMade made, ZonedDateTime at) {
        jdbc.update("update slot_offer set expires_at = ? where id = ?", Timestamp.from(at.toInstant()),
                made.offerId());
    }

    private OfferService offersAt(ZonedDateTime now) {
        return new OfferService(holds, entries, freed, access, currentUser, transactions, clock(now),
                Duration.ofHours(48));
    }

    private OfferChoices choicesAt(ZonedDateTime now) {
        return new OfferChoices(store, offerStore, heldBookings, access, staff, auditLog, endings, transactions,
                clock(now));
    }

    private static Clock clock(ZonedDateTime now) {
        return Clock.fixed(now.toInstant(), now.getZone());
    }
}
