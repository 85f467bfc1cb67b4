package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientOffers;
import app.thaw.retention.ErasureResult;
import app.thaw.retention.ErasureService;
import app.thaw.review.ReviewTestData;

/**
 * A practice manager erasing a client while that client chooses an offered time: the erasure takes the case's turn
 * before it locks the client's record, as a closing does, so it waits for the choice instead of the database breaking
 * a deadlock by failing one of them. The choice books; the erasure then goes through, and nothing of the client's
 * place on the list is left to contact them by.
 */
@IntegrationTest
class ErasingWhileChoosingIT extends WaitlistTestSupport {

    @Autowired
    DataSource dataSource;
    @Autowired
    ErasureService erasure;

    @Test
    void aChoiceHalfwayAndAnErasureTakeTurnsAndBothComplete() throws Exception {
        var client = waiting.waitingClient("Eli " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()),
                List.of(waiting.amiraOnline(1, 50).getFirst()), null));
        long slot = jdbc.queryForObject("select slot_id from slot_offer_time where offer_id = ?", Long.class,
                made.offerId());
        var locks = new LockWaits(jdbc, dataSource);
        CompletableFuture<ClientOffers.Choice> choice;
        CompletableFuture<ErasureResult> erased;
        // the choice is held at the offer, past the point where it has the case's place on the list
        try (var blocker = locks.holding("select 1 from slot_offer where id = " + made.offerId() + " for update")) {
            choice = LockWaits.inOwnThread(() -> clientStatus.chooseOfferedTime(client.receipt().statusToken(),
                    HeldSlotId.of(slot)));
            locks.awaitBlockedBy(blocker, "the choice waits at the offer");
            erased = LockWaits.inOwnThread(() -> data.as("admin", () -> erasure.erase(
                    CaseReference.of(client.reference()), "Their request in writing")));
            awaitWaiting(2);
            blocker.rollback();
        }

        assertThat(choice.get(30, TimeUnit.SECONDS).booked()).as("the client's choice was not failed").isTrue();
        assertThat(erased.get(30, TimeUnit.SECONDS).erased()).as("nor the erasure").isTrue();
        assertThat(sessionsOf(client.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from offer_link where intake_id = ?", Integer.class,
                client.id())).isZero();
    }
}
