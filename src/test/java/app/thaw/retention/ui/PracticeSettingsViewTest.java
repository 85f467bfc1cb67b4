package app.thaw.retention.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.retention.RetentionPolicy;
import app.thaw.retention.RetentionRun;
import app.thaw.retention.RetentionService;

@IntegrationTest
class PracticeSettingsViewTest extends SpringBrowserlessTest {

    @Autowired
    RetentionService retention;

    @Autowired
    JdbcTemplate jdbc;

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
            retention.updatePolicy(before.clinicalYears(), before.nonClientMonths(), retention.settings().version());
        }
    }

    @Test
    @WithUserDetails("admin")
    void aSaveFromAPageOpenedBeforeSomeoneElseSavedTheRetentionSettingsIsRefused() {
        RetentionPolicy before = retention.settings().policy();
        navigate(PracticeSettingsView.class);
        try {
            // another tab, opened at the same time, saves first
            retention.updatePolicy(9, 10, retention.settings().version());
            Long audited = jdbc.queryForObject("select count(*) from audit_entry where action = 'SETTINGS_CHANGED'",
                    Long.class);
            var years = find(IntegerField.class).withLabel("Keep clinical records after a case is closed (years)")
                    .single();
            test(years).setValue(12);
            test(find(Button.class).withText("Save retention settings").single()).click();

            assertThat(find(Paragraph.class).withClassName("submit-problem").single().getText())
                    .startsWith("Someone changed these details at ").endsWith("what you typed is still here.");
            assertThat(years.getValue()).isEqualTo(12);
            assertThat(retention.settings().policy()).isEqualTo(new RetentionPolicy(9, 10));
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'SETTINGS_CHANGED'",
                    Long.class)).isEqualTo(audited);
        } finally {
            retention.updatePolicy(before.clinicalYears(), before.nonClientMonths(), retention.settings().version());
        }
    }

    @Test
    @WithUserDetails("admin")
    void theRetentionRunsSayWhenThereIsNoneYetAndListTheRunsOnceThereAre() {
        boolean none = retention.recentRuns(1).isEmpty();
        navigate(PracticeSettingsView.class);
        // only what is shown is found: the sentence or the grid, never both
        assertThat(find(Paragraph.class).withId("retention-no-runs").exists()).isEqualTo(none);
        assertThat(find(Grid.class).withClassName("retention-runs").exists()).isEqualTo(!none);
        if (none) {
            assertThat(find(Paragraph.class).withId("retention-no-runs").single().getText())
                    .isEqualTo("No run yet: the job runs once a day, at night.");
        }

        Long id = jdbc.queryForObject("""
                insert into retention_run (ran_at, clinical_years, non_client_months, anonymised, skipped_for_hold)
                values (now(), 7, 6, 3, 1) returning id""", Long.class);
        try {
            navigate(PracticeSettingsView.class);
            assertThat(find(Paragraph.class).withId("retention-no-runs").exists()).isFalse();
            @SuppressWarnings("unchecked")
            Grid<RetentionRun> runs = find(Grid.class).withClassName("retention-runs").single();
            assertThat(test(runs).size()).isPositive();
            assertThat(test(runs).getCellText(0, 1)).isEqualTo("3");
            assertThat(test(runs).getCellText(0, 2)).isEqualTo("1");
            assertThat(test(runs).getCellText(0, 3)).isEqualTo("7 years / 6 months");
        } finally {
            jdbc.update("delete from retention_run where id = ?", id);
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
