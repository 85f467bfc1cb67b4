package app.thaw.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.base.database.MonthPartitions;

/** Makes the audit log's coming months at startup and every night, so an entry never waits on a missing month. */
@Component
class AuditPartitions {

    private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditPartitions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        ensure();
    }

    @Scheduled(cron = "${thaw.audit.partition-cron:0 10 3 * * *}", zone = "Europe/London")
    void nightly() {
        ensure();
    }

    /** How many months were missing and are now made. */
    int ensure() {
        int made = MonthPartitions.ensure(jdbc, "audit_entry", clock);
        if (made > 0) {
            log.info("Made {} monthly partition(s) of the audit log ahead", made);
        }
        return made;
    }
}
