package app.thaw.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.base.PracticeSettings;
import app.thaw.base.ui.PublicLayout;
import app.thaw.intake.IntakeService;
import app.thaw.privacy.PrivacyNotices;

@IntegrationTest
@WithAnonymousUser
class PrivacyNoticeViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    PracticeSettings practice;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNoticeTheConsentNamesIsTheOneShown() {
        assertThat(intake.questionnaire().privacyNoticeVersion()).isEqualTo(PrivacyNotices.VERSION);
        navigate(PublicLayout.PRIVACY_NOTICE, PrivacyNoticeView.class);
        assertThat(text()).contains("Version " + PrivacyNotices.VERSION);
    }

    @Test
    void anyoneReadsThePracticesOwnDetailsAndRetentionPeriods() {
        var before = jdbc.queryForMap("select clinical_retention_years y, non_client_retention_months m "
                + "from practice_settings where id = 1");
        jdbc.update("update practice_settings set clinical_retention_years = 8, non_client_retention_months = 1");
        try {
            navigate(PublicLayout.PRIVACY_NOTICE, PrivacyNoticeView.class);
            var details = practice.current();
            assertThat(text()).contains(details.name() + " is responsible for your information",
                    "If you have sessions with us: 8 years after your case is closed.",
                    "If you don't go on to have sessions: 1 month after your form is closed",
                    "ico.org.uk", "0303 123 1113");
            assertThat(find(Anchor.class).withText(details.phone()).single().getHref()).startsWith("tel:");
            assertThat(find(Anchor.class).withText(details.email()).single().getHref())
                    .isEqualTo("mailto:" + details.email());
        } finally {
            jdbc.update("update practice_settings set clinical_retention_years = ?, non_client_retention_months = ?",
                    before.get("y"), before.get("m"));
        }
    }

    private String text() {
        return getCurrentView().getElement().getTextRecursively();
    }
}
