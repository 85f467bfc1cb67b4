package app.thaw.retention.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.retention.RetentionPolicy;
import app.thaw.retention.RetentionService;

@IntegrationTest
class PracticeSettingsViewTest extends SpringBrowserlessTest {

    @Autowired
    RetentionService retention;

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerSeesRetentionSettingsAndOutOfRangeValuesAreExplained() {
        RetentionPolicy before = retention.settings().policy();
        navigate(PracticeSettingsView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Practice settings");
        var years = find(IntegerField.class).withLabel("Keep clinical records after a case is closed (years)").single();
        var months = find(IntegerField.class).withLabel("Keep intakes that never became clients (months)").single();
        assertThat(years.getValue()).isEqualTo(before.clinicalYears());
        assertThat(months.getValue()).isEqualTo(before.nonClientMonths());

        test(years).setValue(0);
        test(months).setValue(121);
        test(find(Button.class).withText("Save retention settings").single()).click();

        assertThat(years.isInvalid()).isTrue();
        assertThat(years.getErrorMessage()).isEqualTo("Keep clinical records for between 1 and 30 years after a case is closed.");
        assertThat(months.isInvalid()).isTrue();
        assertThat(months.getErrorMessage()).isEqualTo("Keep intakes that never became clients for between 1 and 120 months.");
        assertThat(retention.settings().policy()).isEqualTo(before);

        try {
            test(years).setValue(10);
            test(months).setValue(12);
            test(find(Button.class).withText("Save retention settings").single()).click();
            assertThat(years.isInvalid()).isFalse();
            assertThat(retention.settings().policy()).isEqualTo(new RetentionPolicy(10, 12));
            assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                    .anySatisfy(text -> assertThat(text).startsWith("Last changed").endsWith("by Priya Shah."));
        } finally {
            retention.updatePolicy(before.clinicalYears(), before.nonClientMonths());
        }
    }

    @Test
    @WithUserDetails("admin")
    void erasureAndLegalHoldsAreFoundOnTheClientPrivacyPage() {
        navigate(PracticeSettingsView.class);

        var link = find(com.vaadin.flow.component.html.Anchor.class).withId("settings-client-privacy-link").single();
        assertThat(link.getHref()).isEqualTo("staff/admin/privacy");
        assertThat(find(Button.class).withText("Erase client…").exists()).isFalse();
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCannotOpenPracticeSettings() {
        com.vaadin.flow.component.UI.getCurrent().navigate(PracticeSettingsView.class);

        assertThat(getCurrentView()).isNotInstanceOf(PracticeSettingsView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .doesNotContain("Practice settings");
    }
}
