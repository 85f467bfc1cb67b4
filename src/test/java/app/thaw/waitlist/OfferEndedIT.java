package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.review.ReviewTestData;

/** An offer that lapses or whose time another case took closes, and staff are emailed without clinical detail. */
@IntegrationTest
class OfferEndedIT extends WaitlistTestSupport {

    @Test
    void aLapsedOfferEmailsTheAssignedTherapistWithNothingButTheReference() {
        var client = waiting.waitingClient("Lapse " + ReviewTestData.uniqueWord());
        var made = data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(1, 50), 1));

        expiry.expireDue(Instant.now().plus(Duration.ofHours(2)));

        Long assigned = jdbc.queryForObject("select assigned_therapist_id from review_case where intake_id = ?",
                Long.class, client.id());
        List<String> expected = assigned != null
                ? jdbc.queryForList("select email from staff_account where id = ? and active", String.class, assigned)
                : jdbc.queryForList("select email from staff_account where role = 'ADMIN' and active", String.class);
        var told = jdbc.queryForList("select recipient, subject, body_text from outbox_message "
                + "where kind = 'OFFER_ENDED' and idempotency_key like ?", "offer-ended/" + made.offerId() + "/%");
        assertThat(told).extracting(row -> ((String) row.get("recipient")).toLowerCase())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(String::toLowerCase).toList());
        assertThat(told).allSatisfy(row -> {
            assertThat((String) row.get("subject")).isEqualTo("Offer lapsed: case " + client.reference());
            assertThat((String) row.get("body_text")).contains("/staff/waitlist")
                    .doesNotContain("Lapse ").doesNotContain("One to one");
        });
        assertThat(data.auditActions(client.id())).contains("OFFER_EXPIRED");
    }

    @Test
    void anOfferWhoseTimeAnotherCaseChoseClosesAtOnceAndStaffAreTold() {
        var first = waiting.waitingClient("Quick " + ReviewTestData.uniqueWord());
        var second = waiting.waitingClient("Slow " + ReviewTestData.uniqueWord());
        var time = waiting.amiraOnline(1, 50).getFirst();
        Instant now = Instant.now();
        long slotId = offerStore.insertSlot("FREED", time.therapistId(), null, individualType(), "ONLINE",
                time.start().toInstant(), time.end().toInstant(), time.start().toInstant(), null, now);
        var offered = app.thaw.security.SystemActor.call(() -> transactions.execute(status -> freed.holdAndOffer(
                offerStore.lockSlot(slotId).orElseThrow(), List.of(store.entryOf(first.id()).orElseThrow(),
                        store.entryOf(second.id()).orElseThrow()), null)));
        assertThat(offered).hasSize(2);

        var choice = clientStatus.chooseOfferedTime(first.receipt().statusToken(), HeldSlotId.of(slotId));
        assertThat(choice.booked()).as(choice.message()).isTrue();

        // no expiry run: the loser's offer is already closed, its page says so and staff know
        long lost = offered.get(1).offerId();
        assertThat(jdbc.queryForObject("select state from slot_offer where id = ?", String.class, lost))
                .isEqualTo("TAKEN");
        assertThat(clientStatus.offeredTimes(second.receipt().statusToken()).note()).contains("has been taken");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'OFFER_ENDED' "
                + "and idempotency_key like ?", Integer.class, "offer-ended/" + lost + "/%")).isPositive();
        assertThat(data.auditActions(second.id())).contains("OFFER_TAKEN");
        assertThat(jdbc.queryForObject("select state from slot_offer where id = ?", String.class,
                offered.get(0).offerId())).isEqualTo("BOOKED");
    }
}
