package app.thaw.review.ui;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;

/** The client phones to say email is no longer safe: the therapist corrects it on the case page, and it holds. */
@IntegrationTest
class AmendAnswerDialogTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("amira")
    void theSafeWaysOfContactAreCorrectedFromWhatTheClientSaidLast() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Safe"));
        navigate("staff/cases/" + client.reference(), CaseView.class);
        assertThat(contactLine()).isEqualTo("Safe to contact by email, phone calls and voicemail messages only.");

        test(find(Button.class).withText("Correct an answer").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<Item> question = find(ComboBox.class).withCaption("Question").single();
        test(question).selectItem("Which of these is it safe for us to use?");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Option> ways = find(CheckboxGroup.class).withCaption("Corrected answer").single();
        assertThat(ways.getSelectedItems()).extracting(Option::value)
                .containsExactlyInAnyOrder("email", "phone", "voicemail");
        ways.setValue(ways.getSelectedItems().stream().filter(way -> !way.value().equals("email"))
                .collect(java.util.stream.Collectors.toSet()));
        test(find(TextArea.class).withCaption("Why is it corrected?").single())
                .setValue("Client phoned: someone else reads their email now");
        test(find(Button.class).withText("Save correction").single()).click();

        assertThat(jdbc.queryForObject("select email_safe from intake where id = ?", Boolean.class, client.id()))
                .isFalse();
        assertThat(jdbc.queryForObject("select answer is not null from intake_amendment where intake_id = ? "
                + "and item_id = 'about.contact_safe'", Boolean.class, client.id())).isTrue();
        // the header, where the phone number is, follows the correction at once
        assertThat(contactLine()).isEqualTo("Safe to contact by phone calls and voicemail messages only.");
    }

    @Test
    @WithUserDetails("amira")
    void aClientForWhomNoWayIsSafeIsSaidSoBesideTheirNumber() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Nobody")
                .with("about.contact_safe", "none"));
        navigate("staff/cases/" + client.reference(), CaseView.class);

        Paragraph contact = find(Paragraph.class).withClassName("case-contact").single();
        assertThat(contact.getText())
                .isEqualTo("No way of contact is safe: the client said they will contact the practice themselves.");
        assertThat(contact.hasClassName("case-contact-none")).isTrue();
    }

    private String contactLine() {
        return find(Paragraph.class).withClassName("case-contact").single().getText();
    }
}
