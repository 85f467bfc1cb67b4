package app.thaw.intake;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.intake.domain.IntakeDraftRepository;

/** Half-filled forms hold personal disclosures: delete them once their 7 days are up. Idempotent on every instance. */
@Component
class DraftCleanup {

    private static final Logger log = LoggerFactory.getLogger(DraftCleanup.class);

    private final IntakeDraftRepository drafts;
    private final Clock clock;

    DraftCleanup(IntakeDraftRepository drafts, Clock clock) {
        this.drafts = drafts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${thaw.intake.draft-cleanup-every:PT1H}", initialDelayString = "PT1M")
    @Transactional
    public void deleteExpiredDrafts() {
        int deleted = drafts.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} expired intake drafts", deleted);
        }
    }
}
