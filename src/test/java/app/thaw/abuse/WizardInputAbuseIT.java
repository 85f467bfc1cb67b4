package app.thaw.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.base.ui.NotFoundView;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.ui.ConfirmationView;
import app.thaw.intake.ui.IntakeWizardView;
import app.thaw.intake.ui.StatusView;

/**
 * The real wizard classes (no browser) given what a forged request could put in a field: a megabyte, a NUL,
 * markup. Each ends in a message beside the field, or in the answer kept and shown exactly as typed.
 */
@IntegrationTest
@WithAnonymousUser
class WizardInputAbuseIT extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMegabyteNameIsRefusedBesideTheFieldAndTheStepDoesNotMoveOn() {
        navigate(IntakeWizardView.class);

        test(textField("Your full name")).setValue(HostileText.MEGABYTE);
        click("Save and continue");

        assertThat(textField("Your full name").isInvalid()).isTrue();
        assertThat(textField("Your full name").getErrorMessage())
                .isEqualTo("Please shorten this to 200 characters or fewer — it has 1,048,576 (1,048,376 too many)");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class)
                .withTextContaining("Your full name: please shorten this to 200").exists()).isTrue();
        // never cut: the field still holds every character typed
        assertThat(textField("Your full name").getValue()).hasSize(HostileText.MEGABYTE.length());
    }

    @Test
    void controlCharactersAreTakenOutWithoutACrashOrAMessage() {
        HostileText.UNSTORABLE.forEach((what, text) -> {
            navigate(IntakeWizardView.class);
            test(textField("Your full name")).setValue(text);
            click("Save and continue");
            assertThat(textField("Your full name").isInvalid()).as(what).isFalse();
            assertThat(find(com.vaadin.flow.component.customfield.CustomField.class).single().isInvalid()).as(what)
                    .isTrue();
        });
    }

    @Test
    void markupAndOtherScriptsAreShownAsTextOnTheReviewStepConfirmationAndStatusPage() {
        String name = HostileText.STORED_AS_TYPED.get("image onerror") + " مرحبا 👩‍👩‍👧‍👦";
        String story = HostileText.STORED_AS_TYPED.get("script tag") + "\n"
                + HostileText.STORED_AS_TYPED.get("template braces");
        long before = jdbc.queryForObject("select count(*) from intake", Long.class);
        String token = intake.startDraft(null, IntakeInputAbuseIT.address()).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers(name)
                .with("presenting.what_brings_you", story).asMap(), "consent");

        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        var answers = find(DescriptionList.Description.class).all().stream()
                .map(description -> description.getElement().getText()).toList();
        assertThat(answers).contains(name, story);
        // set as text, never as inner HTML: no element was made from what the client typed
        assertThat(getCurrentView().getElement().getOuterHTML()).doesNotContain("<img").doesNotContain("<script")
                .contains("&lt;img");

        click("Send my form");
        assertThat(getCurrentView()).isInstanceOf(ConfirmationView.class);
        assertThat(jdbc.queryForObject("select count(*) from intake", Long.class)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from intake where full_name = ?", Long.class, name))
                .isEqualTo(1);

        // the confirmation page and the wizard, opened again, never send it twice
        navigate("intake/resume/" + token, IntakeWizardView.class);
        assertThat(find(Paragraph.class).withTextContaining("couldn't find a saved form").exists()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from intake", Long.class)).isEqualTo(before + 1);
    }

    @Test
    void aForgedStatusLinkShowsNothingOfAnyoneElse() {
        // tokens with a slash are no route at all; HttpAbuseIT sends those as raw requests
        for (String token : TokenAndReplayAbuseIT.forgedTokens().stream().filter(t -> !t.contains("/")).toList()) {
            UI.getCurrent().navigate("status/" + (token.length() > 2000 ? token.substring(0, 2000) : token));
            // a token with a slash in it is no status link at all: the general "not found" page
            assertThat(getCurrentView()).isInstanceOfAny(StatusView.class, NotFoundView.class);
            String page = getCurrentView().getElement().getTextRecursively();
            assertThat(page).containsAnyOf("We couldn't find that status page", "We couldn't find that page")
                    .doesNotContain("THW-");
        }
    }

    @Test
    void aPartnerEmailFieldRefusesHostileAddressesBesideTheField() {
        String token = intake.startDraft(null, IntakeInputAbuseIT.address()).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.couplesAnswers("Pat Partner").asMap(), "consent");
        navigate("intake/resume/" + token, IntakeWizardView.class);
        click("Save and continue");
        click("Send my form");
        for (String address : java.util.List.of(HostileText.MEGABYTE + "@example.org", "a\u0000@example.org",
                "<script>@example.org", "x@example.org\r\nBcc: victim@example.org", "'; drop table intake; --")) {
            var field = find(TextField.class).withLabel("Or we can email the link to your partner").single();
            test(field).setValue(address);
            click("Email the invitation");
            assertThat(field.isInvalid()).isTrue();
            assertThat(field.getErrorMessage()).contains("email address");
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient like '%<script>%' "
                + "or recipient like '%Bcc%' or recipient like '%drop table%'", Long.class)).isZero();
    }

    private TextField textField(String label) {
        return find(TextField.class).withLabel(label).single();
    }

    private void click(String caption) {
        test(find(Button.class).withText(caption).single()).click();
    }
}
