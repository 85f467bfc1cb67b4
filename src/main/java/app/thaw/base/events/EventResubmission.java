package app.thaw.base.events;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.base.database.InstanceLock;

/**
 * Hands an event back to a listener that failed or never finished (a crash, a restart, the database away for a
 * moment): at start-up and then every minute. Any instance may run it; an advisory lock lets one work at a time, and
 * only publications older than {@code thaw.events.resubmit-after} are taken, so a listener still running on another
 * instance is left alone. Listeners are idempotent: a repeat finds its work done. The lock is held on a connection of
 * its own, outside any transaction: the registry updates each publication in its own transactions while it runs.
 */
@Component
public class EventResubmission {

    /** pg advisory lock key: "thawevnt" as a number, shared by every instance. */
    static final long LOCK = 0x7468617765766e74L;

    private final IncompleteEventPublications incomplete;
    private final InstanceLock lock;
    private final Duration after;

    EventResubmission(IncompleteEventPublications incomplete, DataSource dataSource,
                      @Value("${thaw.events.resubmit-after:1m}") Duration after) {
        this.incomplete = incomplete;
        this.lock = new InstanceLock(dataSource, LOCK, "event resubmission");
        this.after = after;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        resubmitOlderThan(after);
    }

    @Scheduled(fixedDelayString = "${thaw.events.resubmit-interval:1m}",
            initialDelayString = "${thaw.events.resubmit-interval:1m}")
    void run() {
        resubmitOlderThan(after);
    }

    /** Resubmits what is older than {@code age}; false when another instance is at it. */
    public boolean resubmitOlderThan(Duration age) {
        return lock.tryRun(() -> {
            incomplete.resubmitIncompletePublicationsOlderThan(age);
            return true;
        }).orElse(false);
    }
}
