package app.thaw.waitlist;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.RoomsOutOfUse;
import app.thaw.security.SystemActor;
import app.thaw.waitlist.domain.OfferStore;

/**
 * A room taken out of use is offered to no one: the times held or freed in it go back, and an offer left with nothing
 * to choose is withdrawn (its case's staff told, so it gets new times elsewhere).
 */
@Component
class ClosingRoom implements RoomsOutOfUse {

    private final OfferEndings endings;
    private final OfferStore offers;
    private final DiarySetupService rooms;
    private final Clock clock;

    ClosingRoom(OfferEndings endings, OfferStore offers, DiarySetupService rooms, Clock clock) {
        this.endings = endings;
        this.offers = offers;
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void letGo(long roomId) {
        // the cases are not the practice manager's to read: the audit and the notices are written as the system
        SystemActor.run(() -> endings.letGoOfRoom(roomId, clock.instant()));
    }

    /** What a room's closing skipped because a client's choice had it locked: the expiry job's sweep. */
    @Transactional(propagation = Propagation.MANDATORY)
    int letGoOfRoomsOutOfUse() {
        return SystemActor.call(() -> {
            var held = offers.stillHeldIn(rooms.rooms().stream().filter(room -> !room.active())
                    .map(DiarySetupService.RoomView::id).toList());
            held.forEach(this::letGo);
            return held.size();
        });
    }
}
