package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.LockWaits;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientOffers;
import app.thaw.review.CaseActionRefused;
import app.thaw.review.ClosureReason;
import app.thaw.review.ReviewTestData;

/**
 * A therapist closing a case while its client chooses an offered time: the two take the case's turn in the same order
 * (the choice before it locks the case's place on the list), so one waits for the other instead of the database
 * breaking a deadlock by failing the closing. The client's booking comes first here, and the closing is refused
 * because a session is now booked, with the reason.
 */
@IntegrationTest
class ClosingWhileChoosingIT extends WaitlistTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void aChoiceHalfwayAndAClosingTakeTurnsAndTheClosingSaysWhyItWasRefused() throws Exception {
        var client = waiting.waitingClient("Di " + ReviewTestData.uniqueWord());
        OfferMade made = data.as("admin", () -> offers.offer(IntakeId.of(client.id()),
                List.of(waiting.amiraOnline(1, 50).getFirst()), null));
        long slot = jdbc.queryForObject("select slot_id from slot_offer_time where offer_id = ?", Long.class,
                made.offerId());
        var locks = new LockWaits(jdbc, dataSource);
        java.util.concurrent.CompletableFuture<ClientOffers.Choice> choice;
        java.util.concurrent.CompletableFuture<Void> closing;
        // the choice is held at the offer, past the point where it has the case's place on the list
        try (var blocker = locks.holding("select 1 from slot_offer where id = " + made.offerId() + " for update")) {
            choice = LockWaits.inOwnThread(() -> clientStatus.chooseOfferedTime(client.receipt().statusToken(),
                    HeldSlotId.of(slot)));
            locks.awaitBlockedBy(blocker, "the choice waits at the offer");
            closing = LockWaits.inOwnThread(() -> {
                data.as("amira", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW,
                        false));
                return null;
            });
            awaitWaiting(2);
            blocker.rollback();
        }

        assertThat(choice.get(30, java.util.concurrent.TimeUnit.SECONDS).booked()).isTrue();
        assertThat(LockWaits.failureOf(closing)).isInstanceOf(CaseActionRefused.class)
                .hasMessageContaining("booked");
        assertThat(sessionsOf(client.id())).isEqualTo(1);
    }
}
