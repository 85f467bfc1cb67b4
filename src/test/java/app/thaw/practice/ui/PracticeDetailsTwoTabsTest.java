package app.thaw.practice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.PracticeSettings;
import app.thaw.base.ids.SessionTypeId;
import app.thaw.practice.PracticeDetailsForm;
import app.thaw.practice.PracticeDetailsService;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.DiarySetupService.TypeView;

/** Two pages open on Practice details: the later save from the page loaded first is refused, never overwrites. */
@app.thaw.IntegrationTest
class PracticeDetailsTwoTabsTest extends SpringBrowserlessTest {

    private static final String STALE = "since you opened the page. Reload to see them; what you typed is still here.";

    @Autowired
    PracticeDetailsService details;

    @Autowired
    PracticeSettings settings;

    @Autowired
    DiarySetupService diary;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void aSaveFromAPageOpenedBeforeSomeoneElseSavedIsRefusedAndKeepsWhatWasTyped() {
        navigate(PracticeDetailsView.class);
        // the other tab: opened at the same time, saves the phone first
        var loaded = details.details();
        try {
            details.save(new PracticeDetailsForm(null, null, "+44 161 496 0999", null, null, null, null, List.of(),
                    loaded.version()));
            long audited = auditCount();

            var email = find(TextField.class).withLabel("Email").single();
            test(email).setValue("hello@qa-practice.example");
            test(find(Button.class).withText("Save practice details").single()).click();

            assertThat(find(Paragraph.class).withCondition(p -> p.getText().endsWith(STALE)).single().getText())
                    .startsWith("Someone changed these details at ");
            assertThat(email.getValue()).isEqualTo("hello@qa-practice.example");
            assertThat(settings.stored().phone()).isEqualTo("+44 161 496 0999");
            assertThat(settings.stored().email()).isNull();
            assertThat(auditCount()).isEqualTo(audited);
            assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'SETTINGS_CHANGED' "
                    + "order by id desc limit 1", String.class)).isEqualTo("Practice details: phone");
        } finally {
            details.save(new PracticeDetailsForm(null, null, null, null, null, null, null, List.of(),
                    settings.version()));
        }
    }

    @Test
    @WithUserDetails("admin")
    void aStaleSessionRowDoesNotUndoALengthChangedUnderRoomsAndHours() {
        navigate(PracticeDetailsView.class);
        TypeView assessment = assessment();
        try {
            // Rooms & hours › Session lengths, in another tab
            diary.setDefaultLength(SessionTypeId.of(assessment.id()), 65, assessment.version());

            test(find(Button.class).withCondition(b -> "Save Assessment".equals(b.getAriaLabel().orElse(null)))
                    .single()).click();

            assertThat(find(Paragraph.class).withCondition(p -> p.getText().endsWith(STALE)).single().getText())
                    .startsWith("Someone changed these details since");
            assertThat(assessment().defaultMinutes()).isEqualTo(65);
        } finally {
            TypeView now = assessment();
            diary.setDefaultLength(SessionTypeId.of(now.id()), assessment.defaultMinutes(), now.version());
        }
    }

    @Test
    @WithUserDetails("admin")
    void aReminderOutOfRangeIsExplainedUnderThatReminder() {
        navigate(PracticeDetailsView.class);
        var first = find(IntegerField.class).withLabel("Reminder 1 (hours before)").single();
        var third = find(IntegerField.class).withLabel("Reminder 3 (hours before)").single();
        third.setValue(0);
        test(find(Button.class).withText("Save practice details").single()).click();
        assertThat(third.isInvalid()).isTrue();
        assertThat(third.getErrorMessage()).startsWith("Up to 3 reminders, each 1 to 168 hours");
        assertThat(first.isInvalid()).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void aSessionLengthOutOfRangeIsExplainedUnderMinutesNotName() {
        navigate(PracticeDetailsView.class);
        var save = find(Button.class).withCondition(b -> "Save Assessment".equals(b.getAriaLabel().orElse(null)))
                .single();
        var row = save.getParent().orElseThrow();
        var minutes = (IntegerField) row.getChildren().filter(IntegerField.class::isInstance).findFirst().orElseThrow();
        var name = (TextField) row.getChildren().filter(TextField.class::isInstance).findFirst().orElseThrow();
        minutes.setValue(5);
        test(save).click();
        assertThat(minutes.isInvalid()).isTrue();
        assertThat(minutes.getErrorMessage()).isEqualTo("A session lasts between 10 and 240 minutes.");
        assertThat(name.isInvalid()).isFalse();

        var newMinutes = find(IntegerField.class).all().getLast();
        test(find(TextField.class).withLabel("New kind of session").single()).setValue("Too short " + System.nanoTime());
        newMinutes.setValue(5);
        test(find(Button.class).withText("Add").single()).click();
        assertThat(newMinutes.isInvalid()).isTrue();
        assertThat(find(TextField.class).withLabel("New kind of session").single().isInvalid()).isFalse();
    }

    private TypeView assessment() {
        return diary.allTypes().stream().filter(t -> t.code().equals("ASSESSMENT")).findFirst().orElseThrow();
    }

    private long auditCount() {
        Long count = jdbc.queryForObject("select count(*) from audit_entry where action = 'SETTINGS_CHANGED'",
                Long.class);
        return count == null ? 0 : count;
    }
}
