package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ClosureReason;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReviewTestData;

/**
 * A case that ends leaves the waiting list at once, whichever partner's case closes: its open offer is withdrawn, its
 * held times go back to the diary, the audit says so (nothing clinical), and neither client can still choose a time.
 * Its staff closed it themselves, so nobody is emailed. A reopened case is a new episode: back on the list, it waits
 * from then, not from its old place.
 */
@IntegrationTest
class EndedCaseLeavesTheListIT extends WaitlistTestSupport {

    @Test
    void aWaitingClientWhoWithdrawsLeavesTheListAndTheirOfferIsWithdrawn() {
        var client = waiting.waitingClient("Ivo " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(2, 50),
                null));
        String link = waiting.offerLink(client.id());
        long slot = clientStatus.offeredTimes(client.receipt().statusToken()).times().getFirst().slotId();

        data.as("amira", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW, false));

        assertLeftWithOfferWithdrawn(client.id(), made.offerId());
        assertThat(data.audit(client.id())).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("OFFER_WITHDRAWN");
            assertThat(row.get("detail")).isEqualTo("The case left the waiting list");
        });
        assertThat(clientStatus.offeredTimes(client.receipt().statusToken()).times()).isEmpty();
        assertThat(clients.offeredByLink(link).orElseThrow().times()).isEmpty();
        var choice = clients.chooseByLink(link, HeldSlotId.of(slot));
        assertThat(choice.booked()).isFalse();
        assertThat(choice.message()).isEqualTo("These times are no longer offered. The practice will be in touch.");
        assertThat(sessionsOf(client.id())).isZero();
    }

    @Test
    void aCouplesPlaceGoesWhenThePartnerNotThemselvesListedWithdraws() {
        String word = ReviewTestData.uniqueWord();
        var alex = data.submit(IntakeFixtures.couplesAnswers("Alex " + word));
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));
        data.as("amira", () -> caseOpening.openCase(CaseReference.of(alex.reference())));
        data.as("amira", () -> referrals.decideReferral(IntakeId.of(alex.id()), ReferralKind.COUPLES, "Joint work.",
                null));
        // the therapist put Alex's side on the list only: the couple's place names Sam, whose case stays referred
        data.as("amira", () -> care.addToWaitingList(IntakeId.of(alex.id()), false));
        OfferMade made = data.as("amira", () -> offers.offer(IntakeId.of(alex.id()), waiting.amiraOnline(2, 50),
                null));
        String alexToken = alex.receipt().statusToken();
        long slot = clientStatus.offeredTimes(alexToken).times().getFirst().slotId();

        data.as("amira", () -> care.closeCase(IntakeId.of(sam.id()), ClosureReason.CLIENT_WITHDREW, false));

        assertLeftWithOfferWithdrawn(alex.id(), made.offerId());
        assertThat(data.auditActions(alex.id())).contains("OFFER_WITHDRAWN");
        assertThat(clientStatus.offeredTimes(alexToken).times()).isEmpty();
        assertThat(clientStatus.chooseOfferedTime(alexToken, HeldSlotId.of(slot)).booked()).isFalse();
        assertThat(sessionsOf(alex.id())).isZero();
    }

    @Test
    void aReopenedCaseIsNotBackOnTheListAndWhenPutBackWaitsFromThen() {
        var client = waiting.waitingClient("Una " + ReviewTestData.uniqueWord());
        // the client had waited two months when they withdrew
        jdbc.update("update waitlist_entry set added_at = now() - interval '60 days' where intake_id = ?",
                client.id());
        data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(1, 50), null));
        String oldLink = waiting.offerLink(client.id());
        data.as("amira", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW, false));

        data.as("amira", () -> care.reopenCase(IntakeId.of(client.id())));

        assertThat(entryState(client.id())).isEqualTo("REMOVED");
        assertThat(clients.offeredByLink(oldLink).orElseThrow().times()).isEmpty();
        Instant before = Instant.now().minus(1, ChronoUnit.MINUTES);
        data.as("amira", () -> care.addToWaitingList(IntakeId.of(client.id()), false));
        assertThat(entryState(client.id())).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("select added_at from waitlist_entry where intake_id = ?", Timestamp.class,
                client.id()).toInstant()).as("a new episode's wait starts when it joins the list").isAfter(before);
        assertThat(clients.offeredByLink(oldLink).orElseThrow().times()).as("the old offer stays withdrawn").isEmpty();
    }

    private void assertLeftWithOfferWithdrawn(long intakeId, long offerId) {
        assertThat(entryState(intakeId)).isEqualTo("REMOVED");
        assertThat(jdbc.queryForObject("select state from slot_offer where id = ?", String.class, offerId))
                .isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForList("select h.state from held_slot h join slot_offer_time t on t.slot_id = h.id "
                + "where t.offer_id = ?", String.class, offerId)).isNotEmpty().containsOnly("RELEASED");
        assertThat(jdbc.queryForObject("select count(*) from diary_claim c join slot_offer_time t on "
                + "t.slot_id = c.held_slot_id where t.offer_id = ?", Integer.class, offerId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where kind = 'OFFER_ENDED' and "
                + "idempotency_key like ?", Integer.class, "offer-ended/" + offerId + "/%"))
                .as("the staff who closed the case are not emailed about it").isZero();
    }

    private String entryState(long intakeId) {
        return jdbc.queryForObject("select state from waitlist_entry where intake_id = ? or partner_intake_id = ? "
                + "order by id desc limit 1", String.class, intakeId, intakeId);
    }
}
