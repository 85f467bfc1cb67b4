package app.thaw.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.security.StaffDepartures;

/** Someone who leaves, or stops seeing clients, keeps no private link to the practice's diary of clients' sessions. */
@Component
class CalendarFeedDeparture implements StaffDepartures {

    private final CalendarFeeds feeds;

    CalendarFeedDeparture(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void letGo(long staffId) {
        feeds.turnOffFor(StaffId.of(staffId));
    }
}
