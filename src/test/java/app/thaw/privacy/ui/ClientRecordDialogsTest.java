package app.thaw.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.Erased;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;

/** Erasure and legal holds, opened from the client the manager found on the Client privacy page. */
@IntegrationTest
class ClientRecordDialogsTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void theErasureDialogAsksForTheReferenceAgainAndAReasonThenErases() {
        var client = data().submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Dialog"));
        show(client.reference().toLowerCase());

        test(find(Button.class).withId("privacy-erase").single()).click();
        var dialog = find(ErasureDialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Erase client " + client.reference());
        var erase = find(Button.class, dialog).withText("Erase client").single();
        test(erase).click();
        var confirm = find(TextField.class, dialog).withLabel("Type the reference to confirm").single();
        assertThat(confirm.isInvalid()).isTrue();
        assertThat(confirm.getErrorMessage()).contains(client.reference());

        test(confirm).setValue(client.reference());
        test(erase).click();
        var reason = find(TextArea.class, dialog).withLabel("Why is this client erased?").single();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith("Please say why");

        test(reason).setValue("Client's email of today");
        test(erase).click();

        assertThat(find(ErasureDialog.class).exists()).isFalse();
        assertThat(jdbc.queryForObject("select full_name from intake where id = ?", String.class, client.id()))
                .isEqualTo(Erased.MARKER);
    }

    @Test
    @WithUserDetails("admin")
    void aLegalHoldSetInItsDialogStopsTheErasureDialogAtOnce() {
        var client = data().submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Hold"));
        show(client.reference());

        test(find(Button.class).withId("privacy-legal-hold").single()).click();
        var holdDialog = find(LegalHoldDialog.class).single();
        test(find(Button.class, holdDialog).withText("Set legal hold").single()).click();
        var why = find(TextArea.class, holdDialog).withLabel("Why must this record be kept?").single();
        assertThat(why.isInvalid()).isTrue();
        test(why).setValue("Court order");
        test(find(Button.class, holdDialog).withText("Set legal hold").single()).click();
        assertThat(find(LegalHoldDialog.class).exists()).isFalse();

        test(find(Button.class).withId("privacy-erase").single()).click();
        var dialog = find(ErasureDialog.class).single();
        assertThat(find(Paragraph.class, dialog).withClassName("dialog-problem").single().getText())
                .contains("under a legal hold");
        assertThat(find(Button.class, dialog).withText("Erase client").single().isEnabled()).isFalse();
        find(Button.class, dialog).withText("Cancel").single().click();

        test(find(Button.class).withId("privacy-legal-hold").single()).click();
        var clearDialog = find(LegalHoldDialog.class).single();
        assertThat(find(Paragraph.class, clearDialog).withClassName("legal-hold-state").single().getText())
                .contains("set by Priya Shah: Court order");
        test(find(TextArea.class, clearDialog).withLabel("Why is the hold no longer needed?").single())
                .setValue("Order lifted");
        test(find(Button.class, clearDialog).withText("Clear legal hold").single()).click();
        assertThat(jdbc.queryForObject("select count(*) from legal_hold where intake_id = ? and cleared_at is null",
                Integer.class, client.id())).isZero();
    }

    private void show(String reference) {
        navigate(ClientPrivacyView.class);
        test(find(TextField.class).withLabel("Reference or email address").single()).setValue(reference);
        test(find(Button.class).withText("Find").single()).click();
    }

    private ReviewTestData data() {
        return new ReviewTestData(intake, staff, jdbc);
    }
}
