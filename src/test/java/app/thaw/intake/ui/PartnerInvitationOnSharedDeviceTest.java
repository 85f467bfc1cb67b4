package app.thaw.intake.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.mocks.MockRequest;
import com.vaadin.browserless.mocks.MockResponse;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;

/**
 * A family tablet: one person's unsent form is remembered by the device's cookie when the partner opens their
 * invitation link on it. The link must open a fresh form of the partner's own, never the other person's answers.
 */
@IntegrationTest
@WithAnonymousUser
class PartnerInvitationOnSharedDeviceTest extends SpringBrowserlessTest {

    private static final String SECRET = "TABLET-OWNER-PRIVATE";

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInvitationLinkOpensAFreshFormNeverTheDraftTheDeviceRemembersAndTheSentFormJoinsTheCouple() {
        SubmissionReceipt inviter = sendCouplesForm("Lee Inviter");
        String invitation = inviter.partnerInvitationToken();

        // someone else on the tablet gets as far as Safety, answering Yes to fear of their partner
        navigate(IntakeWizardView.class);
        type("Your full name", "Alex Tablet");
        String tabletOwnersDraft = resumeToken();
        intake.saveAnswers(tabletOwnersDraft, IntakeFixtures.couplesAnswers("Alex Tablet")
                .with("presenting.what_brings_you", SECRET + " reason").with("safety.partner_fear", "yes")
                .with("safety.partner_fear_detail", SECRET + " detail").asMap(), "safety");
        browserKeepsCookies();
        openInNewTab("intake");
        assertThat(stepHeading()).as("the device really remembers that form").isEqualTo("Safety");
        assertThat(answersOnThePage()).contains(SECRET + " detail");

        openInNewTab("intake/partner/" + invitation);

        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page).contains("Your partner has invited you").doesNotContain("Welcome back", "Alex", SECRET);
        assertThat(stepHeading()).isEqualTo("About you");
        assertThat(stepLabel()).startsWith("Step 1 of 15");
        assertThat(answersOnThePage()).isEmpty();
        assertThat(find(Anchor.class).withAttribute("data-testid", "resume-link").exists()).isFalse();

        // the partner starts, leaves, and comes back by their own link to their own answers
        type("Your full name", "Bea Invited");
        String partnersDraft = resumeToken();
        assertThat(partnersDraft).isNotEqualTo(tabletOwnersDraft);
        intake.saveAnswers(partnersDraft, IntakeFixtures.couplesAnswers("Bea Invited").asMap(), "consent");
        browserKeepsCookies();
        openInNewTab("intake/partner/" + invitation);
        assertThat(stepHeading()).isEqualTo("Consent");
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Welcome back").doesNotContain(SECRET);
        click("Save and continue");
        assertThat(find(ReviewSummary.class).single().getElement().getTextRecursively()).contains("Bea Invited")
                .doesNotContain("Alex", SECRET);
        click("Send my form");

        assertThat(getCurrentView()).isInstanceOf(ConfirmationView.class);
        assertThat(find(Anchor.class).withAttribute("data-testid", "partner-link").exists()).isFalse();
        String partnerReference = find(com.vaadin.flow.component.html.Span.class)
                .withAttribute("data-testid", "reference").single().getText();
        var cases = jdbc.queryForList("select couple_case_id from intake where reference in (?, ?)", Long.class,
                inviter.reference(), partnerReference);
        assertThat(cases).hasSize(2).doesNotContainNull().containsOnly(cases.getFirst());
        assertThat(intake.isPartnerInvitationOpen(invitation)).isFalse();

        // the tablet owner's form was never touched: still theirs, on this device and by its own link
        assertThat(intake.resumeDraft(tabletOwnersDraft).orElseThrow().answers().single("safety.partner_fear"))
                .contains("yes");
        browserKeepsCookies();
        openInNewTab("intake");
        assertThat(stepHeading()).isEqualTo("Safety");
    }

    @Test
    void aUsedInvitationFirstTellsAPartnerWhoHasSentTheirFormThatThereIsNothingMoreToDo() {
        SubmissionReceipt inviter = sendCouplesForm("Ria Inviter");
        String invitation = inviter.partnerInvitationToken();
        submit(intake.startDraft(invitation, address()).orElseThrow().token(), IntakeFixtures.couplesAnswers("Sol"));

        navigate("intake/partner/" + invitation, IntakeWizardView.class);

        List<String> notices = find(Paragraph.class).withClassName("wizard-notice").all().stream()
                .map(Paragraph::getText).toList();
        assertThat(notices.getFirst()).contains("already been used", "If you've already sent your form, there's "
                + "nothing more to do", "status link");
        assertThat(notices.getLast()).startsWith("If you haven't sent a form yet, you can still fill one in below");
        assertThat(text("Your full name").getValue()).isEmpty();
    }

    @Test
    void eachLinkOpensOnlyItsOwnDraftWhateverTheDeviceRemembers() {
        String invitation = sendCouplesForm("Kai Inviter").partnerInvitationToken();
        String partnersDraft = intake.startDraft(invitation, address()).orElseThrow().token();
        String someoneElses = intake.startDraft(null, address()).orElseThrow().token();
        String otherInvitation = sendCouplesForm("Io Inviter").partnerInvitationToken();

        // the promise is the service's: an invitation opens again only a draft begun from it
        assertThat(intake.resumeInvitedDraft(partnersDraft, invitation)).isPresent();
        assertThat(intake.resumeInvitedDraft(someoneElses, invitation)).isEmpty();
        assertThat(intake.resumeInvitedDraft(partnersDraft, otherInvitation)).isEmpty();
        assertThat(intake.resumeInvitedDraft("x".repeat(43), invitation)).isEmpty();

        // a resume link opens its own draft, not the one the device remembers, and an unknown one opens none
        intake.saveAnswers(someoneElses, IntakeFixtures.completeAnswers("Device Owner").asMap(), "contact");
        intake.saveAnswers(partnersDraft, IntakeFixtures.couplesAnswers("Link Holder").asMap(), "presenting");
        rememberOnDevice(DraftCookie.OWN, someoneElses);
        navigate("intake/resume/" + partnersDraft, IntakeWizardView.class);
        assertThat(stepHeading()).isEqualTo("What brings you here");
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("Device Owner");
        // straight from one link to another in the same tab: nothing of the first form may stay on the page
        navigate("intake/resume/" + "y".repeat(43), IntakeWizardView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("couldn't find a saved form")
                .doesNotContain("Welcome back");
        assertThat(text("Your full name").getValue()).isEmpty();
    }

    private SubmissionReceipt sendCouplesForm(String name) {
        var receipt = submit(intake.startDraft(null, address()).orElseThrow().token(),
                IntakeFixtures.couplesAnswers(name));
        assertThat(receipt.partnerInvitationToken()).isNotNull();
        return receipt;
    }

    private SubmissionReceipt submit(String token, app.thaw.intake.questionnaire.Answers answers) {
        intake.saveAnswers(token, answers.asMap(), "consent");
        return ((SubmissionOutcome.Submitted) intake.submit(token, address(), false)).receipt();
    }

    /** A link typed or tapped from an email: a new page, so nothing of the page before is carried over. */
    private void openInNewTab(String location) {
        UI.getCurrent().navigate("");
        navigate(location, IntakeWizardView.class);
    }

    /** The browser's part: cookies the page set come back with the next visit, a cleared one no longer. */
    private void browserKeepsCookies() {
        ServletResponse response = (VaadinServletResponse) VaadinResponse.getCurrent();
        while (response instanceof ServletResponseWrapper wrapper) {
            response = wrapper.getResponse();
        }
        MockResponse device = (MockResponse) response;
        Map<String, Cookie> jar = new LinkedHashMap<>();
        Cookie[] sent = request().getCookies();
        for (Cookie cookie : sent == null ? new Cookie[0] : sent) {
            jar.put(cookie.getName(), cookie);
        }
        for (Cookie cookie : device.getCookies()) {
            if (cookie.getMaxAge() == 0) {
                jar.remove(cookie.getName());
            } else {
                jar.put(cookie.getName(), cookie);
            }
        }
        device.getCookies().clear();
        request().setCookiesInt(jar.values().toArray(Cookie[]::new));
    }

    private void rememberOnDevice(DraftCookie kind, String token) {
        request().setCookiesInt(new Cookie[] {new Cookie(kind.cookieName(), token)});
    }

    private static MockRequest request() {
        ServletRequest request = (VaadinServletRequest) VaadinRequest.getCurrent();
        while (request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        return (MockRequest) request;
    }

    private static String address() {
        return "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    /** Every answer a field on the page shows: a fresh form shows none. */
    private List<String> answersOnThePage() {
        List<String> shown = new ArrayList<>();
        collectAnswers((Component) getCurrentView(), shown);
        return shown;
    }

    private static void collectAnswers(Component component, List<String> shown) {
        if (component instanceof HasValue<?, ?> field && !field.isEmpty()
                && !String.valueOf(field.getValue()).isBlank()) {
            shown.add(String.valueOf(field.getValue()));
        }
        component.getChildren().forEach(child -> collectAnswers(child, shown));
    }

    private String resumeToken() {
        String href = find(Anchor.class).withAttribute("data-testid", "resume-link").single().getHref();
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private TextField text(String label) {
        return find(TextField.class).withLabel(label).single();
    }

    private void type(String label, String value) {
        test(text(label)).setValue(value);
    }

    private void click(String caption) {
        test(find(Button.class).withText(caption).single()).click();
    }

    private String stepLabel() {
        return find(Paragraph.class).withClassName("step-label").single().getText();
    }

    private String stepHeading() {
        return find(H2.class).withAttribute("tabindex", "-1").single().getText();
    }
}
