package app.thaw.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.privacy.DisclosureReviews;
import app.thaw.privacy.SubjectAccessExport;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.review.ReviewTestData;

@IntegrationTest
class ClientPrivacyViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    SubjectAccessRequests requests;

    @Autowired
    DisclosureReviews reviews;

    @Test
    @WithUserDetails("admin")
    void theManagerRecordsARequestAndDownloadsBothFilesOnlyOnceTheClinicianApproved() throws IOException {
        var data = new ReviewTestData(intake, staff, jdbc);
        String name = ReviewTestData.uniqueWord() + " Requester";
        var submitted = data.submit(IntakeFixtures.completeAnswers(name));

        var view = navigate(ClientPrivacyView.class);
        test(find(TextField.class).withLabel("Reference or email address").single()).setValue(submitted.reference());
        test(find(Button.class).withText("Find").single()).click();

        String shown = find(DescriptionList.class).all().stream().map(list -> list.getElement().getTextRecursively())
                .reduce("", String::concat);
        assertThat(shown).contains(name, submitted.reference(), "client@example.org", "14 March 1985",
                "Privacy notice", "accepted", "Agreed to be contacted", "Not part of a couple case");
        assertThat(view.recordActions().isAttached()).isTrue();
        assertThat(find(Anchor.class).all()).as("no files before a request is approved").isEmpty();

        // nobody holds the case yet, so the manager chooses the reviewer
        LocalDate received = LocalDate.now(app.thaw.Application.PRACTICE_ZONE).minusDays(2);
        test(find(DatePicker.class).withLabel("Date received").single()).setValue(received);
        assertThat(find(Paragraph.class).withId("sar-due-preview").single().getText()).contains(
                app.thaw.privacy.SubjectAccessDeadline.due(received, 0).format(UkDates.LONG));
        test(find(Button.class).withText("Record request").single()).click();
        assertThat(message()).contains("Choose the clinician");
        test(find(Select.class).withLabel("Clinician to review").single())
                .selectItem("Dr Amira Khan");
        test(find(Button.class).withText("Record request").single()).click();

        assertThat(message()).isEqualTo("Request recorded.");
        String facts = find(DescriptionList.class).withId("sar-facts").single().getElement().getTextRecursively();
        assertThat(facts).contains("Waiting for Dr Amira Khan's review", received.format(UkDates.LONG), "days left");
        assertThat(find(Anchor.class).all()).isEmpty();
        long requestId = jdbc.queryForObject("select id from subject_access_request where intake_id = ?", Long.class,
                submitted.id());

        data.as("amira", () -> {
            var review = reviews.open(AccessRequestId.of(requestId));
            return reviews.approve(AccessRequestId.of(requestId), java.util.Map.of(), review.content());
        });
        test(find(Button.class).withText("Find").single()).click();
        assertThat(find(DescriptionList.class).withId("sar-facts").single().getElement().getTextRecursively())
                .contains("Approved for release by Dr Amira Khan");

        var jsonFile = new ByteArrayOutputStream();
        test(anchor("privacy-export-json")).download(jsonFile);
        SubjectAccessExport export = json.readValue(jsonFile.toByteArray(), SubjectAccessExport.class);
        assertThat(export.client().reference()).isEqualTo(submitted.reference());
        assertThat(export.answers()).anySatisfy(a -> assertThat(a.answer()).contains("cry since my dad died"));

        var pdfFile = new ByteArrayOutputStream();
        test(anchor("privacy-export-pdf")).download(pdfFile);
        assertThat(new String(pdfFile.toByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        assertThat(data.audit(submitted.id())).filteredOn(row -> "SUBJECT_ACCESS_EXPORTED".equals(row.get("action")))
                .extracting(row -> row.get("detail")).containsExactly("JSON file", "PDF file");
        assertThat(jdbc.queryForObject("select status from subject_access_request where id = ?", String.class,
                requestId)).isEqualTo("RELEASED");
        // nothing clinical on screen at any point
        assertThat(view.getElement().getTextRecursively()).doesNotContain("cry since my dad died");
    }

    @Test
    @WithUserDetails("admin")
    void theManagerExtendsTheDeadlineWithAReasonAndWithdrawsARequest() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Extended"));
        LocalDate received = LocalDate.now(app.thaw.Application.PRACTICE_ZONE);
        data.as("admin", () -> requests.record(IntakeId.of(submitted.id()), received, StaffId.of(data.idOf("grace"))));

        navigate(ClientPrivacyView.class);
        test(find(TextField.class).withLabel("Reference or email address").single()).setValue(submitted.reference());
        test(find(Button.class).withText("Find").single()).click();
        test(find(Button.class).withText("Extend deadline").single()).click();
        assertThat(message()).contains("reason");
        test(find(TextArea.class).withLabel("Why (the client must be told, within the first month)").single())
                .setValue("Records from three services to gather");
        test(find(Button.class).withText("Extend deadline").single()).click();

        assertThat(message()).isEqualTo("Deadline extended.");
        assertThat(find(DescriptionList.class).withId("sar-facts").single().getElement().getTextRecursively())
                .contains(app.thaw.privacy.SubjectAccessDeadline.due(received, 2).format(UkDates.LONG),
                        "By 2 months: Records from three services to gather");
        assertThat(find(Button.class).withText("Extend deadline").exists()).isFalse();

        test(find(TextArea.class).withLabel("Why (the client withdrew it, recorded in error, …)").single())
                .setValue("Client withdrew it by phone");
        test(find(Button.class).withText("Withdraw request").single()).click();
        assertThat(message()).isEqualTo("Request withdrawn.");
        assertThat(find(Button.class).withText("Record request").exists()).isTrue();
    }

    private String message() {
        return find(Paragraph.class).withId("sar-message").single().getText();
    }

    @Test
    @WithUserDetails("admin")
    void severalFormsFromOneAddressAreOfferedToChooseFrom() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String email = ReviewTestData.uniqueWord().toLowerCase() + "@example.org";
        var first = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Twice")
                .with("about.email", email));
        var second = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Twice")
                .with("about.email", email));

        var view = navigate(ClientPrivacyView.class);
        test(find(TextField.class).withLabel("Reference or email address").single()).setValue(email);
        test(find(Button.class).withText("Find").single()).click();

        assertThat(find(Paragraph.class).withId("privacy-message").single().getText())
                .startsWith("2 forms were sent from this email address");
        test(find(Button.class).withTextContaining(first.reference()).single()).click();
        assertThat(view.shownClient().reference()).isEqualTo(first.reference());
        assertThat(second.reference()).isNotEqualTo(first.reference());
    }

    @Test
    @WithUserDetails("admin")
    void anUnknownReferenceSaysSo() {
        navigate(ClientPrivacyView.class);
        test(find(TextField.class).withLabel("Reference or email address").single()).setValue("THW-ZZZZZZ");
        test(find(Button.class).withText("Find").single()).click();

        assertThat(find(Paragraph.class).withId("privacy-message").single().getText())
                .isEqualTo("No client has that reference or email address.");
        assertThat(find(Anchor.class).all()).isEmpty();
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCannotOpenTheView() {
        UI.getCurrent().navigate(ClientPrivacyView.class);

        assertThat(getCurrentView()).isNotInstanceOf(ClientPrivacyView.class);
    }

    private Anchor anchor(String id) {
        return find(Anchor.class).withId(id).single();
    }

    @Test
    @WithUserDetails("admin")
    void theManagerErasesTheShownClientFromTheirRecordAfterConfirmingTheReference() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String name = ReviewTestData.uniqueWord() + " Leaver";
        var submitted = data.submit(IntakeFixtures.completeAnswers(name));
        navigate(ClientPrivacyView.class);
        test(find(TextField.class).withLabel("Reference or email address").single()).setValue(submitted.reference());
        test(find(Button.class).withText("Find").single()).click();

        test(find(Button.class).withText("Erase…").single()).click();
        test(find(com.vaadin.flow.component.textfield.TextArea.class).withLabel("Why is this client erased?").single())
                .setValue("Written request of 3 March");
        test(find(TextField.class).withLabel("Type the reference to confirm").single()).setValue(submitted.reference());
        test(find(Button.class).withText("Erase client").single()).click();

        String shown = find(DescriptionList.class).all().stream().map(list -> list.getElement().getTextRecursively())
                .reduce("", String::concat);
        assertThat(shown).contains(submitted.reference(), "[erased]").doesNotContain(name);
        assertThat(data.audit(submitted.id())).extracting(row -> row.get("action")).contains("CLIENT_ERASED");
    }
}
