package app.thaw.care;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.thaw.security.SystemActor;

/** Once a day, kept note texts past their 30 days go, on every instance (deleting twice is harmless). */
@Component
class KeptNoteTextExpiry {

    private final KeptNoteTexts texts;

    KeptNoteTextExpiry(KeptNoteTexts texts) {
        this.texts = texts;
    }

    @Scheduled(cron = "${thaw.care.kept-text-cron:0 40 2 * * *}", zone = "Europe/London")
    void run() {
        SystemActor.run(texts::expire);
    }
}
