package app.thaw.privacy;

import jakarta.annotation.security.PermitAll;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.PracticeSettings;
import app.thaw.retention.RetentionService;

/**
 * The privacy notice the intake's consent step asks people to read, open to anyone: its figures come from the
 * practice's own settings, so it never promises a retention period the retention job does not keep.
 */
@Service
public class PrivacyNotices {

    /**
     * The version of the notice's wording; the questionnaire's consent records this version, so a change of wording
     * comes with a new version in both (checked by a test).
     */
    public static final String VERSION = "2026-11";

    private final PracticeSettings practice;
    private final RetentionService retention;

    PrivacyNotices(PracticeSettings practice, RetentionService retention) {
        this.practice = practice;
        this.retention = retention;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public PrivacyNotice current() {
        return new PrivacyNotice(VERSION, practice.current().profile(), retention.policy());
    }
}
