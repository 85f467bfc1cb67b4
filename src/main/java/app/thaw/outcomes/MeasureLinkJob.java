package app.thaw.outcomes;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.security.SystemActor;

/** Runs the measure links on every instance; the advisory lock and the unique request let one do the work. */
@Component
class MeasureLinkJob {

    private final MeasureLinks links;

    MeasureLinkJob(MeasureLinks links) {
        this.links = links;
    }

    @Scheduled(fixedDelayString = "${thaw.outcomes.link-interval:15m}",
            initialDelayString = "${thaw.outcomes.link-interval:15m}")
    public void run() {
        SystemActor.run(links::sendDue);
    }
}
