package app.thaw.retention;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.security.SystemActor;

/** Applies the retention policy once a day on every instance; the run's database lock lets only one do the work. */
@Component
class RetentionJob {

    private final RetentionService retention;
    private final Clock clock;

    RetentionJob(RetentionService retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${thaw.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    void run() {
        SystemActor.run(() -> retention.runRetention(clock.instant()));
    }
}
