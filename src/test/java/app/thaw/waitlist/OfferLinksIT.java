package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientOffers;
import app.thaw.review.ReviewTestData;

/** An emailed offer link books only its own offer's times for its own client, and nothing once the offer has lapsed. */
@IntegrationTest
class OfferLinksIT extends WaitlistTestSupport {

    @Test
    void anOfferLinkChoosesOnlyFromItsOwnCasesOfferAndOnlyForTheClientItWasMadeFor() {
        var mine = waiting.waitingClient("Linked " + ReviewTestData.uniqueWord());
        var theirs = waiting.waitingClient("Other " + ReviewTestData.uniqueWord());
        data.as("amira", () -> offers.offer(IntakeId.of(mine.id()), waiting.amiraOnline(1, 50), null));
        var theirOffer = data.as("amira", () -> offers.offer(IntakeId.of(theirs.id()), waiting.amiraOnline(1, 50),
                null));
        String myLink = waiting.offerLink(mine.id());
        long mySlot = clients.offeredByLink(myLink).orElseThrow().times().getFirst().slotId();
        long theirSlot = clientStatus.offeredTimes(theirs.receipt().statusToken()).times().getFirst().slotId();
        assertThat(clientStatus.offeredTimes(mine.receipt().statusToken()).times()).extracting(ClientOffers.Time::slotId)
                .containsExactly(mySlot);

        // the other case's held time, chosen through my link: refused, nothing booked, the time still held for them
        var tried = clients.chooseByLink(myLink, HeldSlotId.of(theirSlot));
        assertThat(tried.booked()).isFalse();
        assertThat(tried.message()).contains("couldn't find that time");
        assertThat(sessionsOf(mine.id()) + sessionsOf(theirs.id())).isZero();
        assertThat(slotState(theirSlot)).isEqualTo("HELD");

        // a link made out to a client who is not on the offer's case shows nothing and books nothing
        String stray = SecretToken.generate();
        jdbc.update("insert into offer_link (offer_id, intake_id, token_hash) values (?, ?, ?)", theirOffer.offerId(),
                mine.id(), SecretToken.hash(stray));
        assertThat(clients.offeredByLink(stray)).isEmpty();
        assertThat(clients.chooseByLink(stray, HeldSlotId.of(theirSlot)).booked()).isFalse();
        assertThat(sessionsOf(mine.id()) + sessionsOf(theirs.id())).isZero();

        // with the link's own offer the client books their own time, for their own case only
        var chosen = clients.chooseByLink(myLink, HeldSlotId.of(mySlot));
        assertThat(chosen.booked()).as(chosen.message()).isTrue();
        assertThat(sessionsOf(mine.id())).isEqualTo(1);
        assertThat(sessionsOf(theirs.id())).isZero();
        assertThat(slotState(theirSlot)).isEqualTo("HELD");
        assertThat(jdbc.queryForObject("select chosen_by from slot_offer where id = (select offer_id from offer_link "
                + "where token_hash = ?)", Long.class, SecretToken.hash(myLink))).isEqualTo(mine.id());
    }

    @Test
    void aHeldTimeCannotBeChosenOnceTheOfferHasLapsedEvenBeforeTheExpiryJobHasBeenRound() {
        var client = waiting.waitingClient("Lapsed " + ReviewTestData.uniqueWord());
        var made = data.as("amira", () -> offers.offer(IntakeId.of(client.id()), waiting.amiraOnline(2, 50), null));
        String link = waiting.offerLink(client.id());
        long slot = clients.offeredByLink(link).orElseThrow().times().getFirst().slotId();
        // the hold ran out a minute ago; the offer and its times are still as they were
        jdbc.update("update slot_offer set created_at = now() - interval '2 hours', expires_at = now() - interval "
                + "'1 minute' where id = ?", made.offerId());

        var seen = clients.offeredByLink(link).orElseThrow();
        assertThat(seen.times()).isEmpty();
        assertThat(seen.note()).startsWith("Sorry, these times were only kept until");
        var late = clients.chooseByLink(link, HeldSlotId.of(slot));
        assertThat(late.booked()).isFalse();
        assertThat(late.message()).startsWith("Sorry, these times were only kept until");
        assertThat(clientStatus.chooseOfferedTime(client.receipt().statusToken(), HeldSlotId.of(slot)).booked())
                .isFalse();
        assertThat(sessionsOf(client.id())).isZero();

        // once the job has let the offer go, the link still books nothing and the times are back in the diary
        expiry.expireDue(Instant.now());
        assertThat(clients.chooseByLink(link, HeldSlotId.of(slot)).booked()).isFalse();
        assertThat(sessionsOf(client.id())).isZero();
        assertThat(slotState(slot)).isEqualTo("RELEASED");
    }

    private String slotState(long slotId) {
        return jdbc.queryForObject("select state from held_slot where id = ?", String.class, slotId);
    }
}
