package app.thaw.outcomes;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.base.database.MonthPartitions;

/** Makes the answered measures' coming months at startup and nightly, so an answer never waits on a missing month. */
@Component
class MeasurePartitions {

    private static final Logger log = LoggerFactory.getLogger(MeasurePartitions.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MeasurePartitions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        ensure();
    }

    @Scheduled(cron = "${thaw.outcomes.partition-cron:0 12 3 * * *}", zone = "Europe/London")
    void nightly() {
        ensure();
    }

    /** How many months were missing and are now made. */
    int ensure() {
        int made = MonthPartitions.ensure(jdbc, "measure_response", clock);
        if (made > 0) {
            log.info("Made {} monthly partition(s) of the answered measures ahead", made);
        }
        return made;
    }
}
