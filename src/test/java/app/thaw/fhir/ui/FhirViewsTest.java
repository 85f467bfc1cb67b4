package app.thaw.fhir.ui;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.fhir.ApiClientSummary;
import app.thaw.fhir.ApiClients;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;
import app.thaw.review.ui.CaseView;
import app.thaw.security.StaffAccountService;

/** The practice manager's API clients page, and the transfer-of-care download in a therapist's case view. */
@IntegrationTest
class FhirViewsTest extends SpringBrowserlessTest {

    @Autowired ApiClients clients;
    @Autowired IntakeService intake;
    @Autowired StaffAccountService staff;
    @Autowired JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void theManagerAddsASystemSeesItsTokenOnceAndRevokesIt() {
        String name = "Registry " + ReviewTestData.uniqueWord();
        navigate(ApiClientsView.class);

        test(find(Button.class).withId("add-api-client").single()).click();
        var dialog = find(NewApiClientDialog.class).single();
        test(find(Button.class).withId("create-api-client").single()).click();
        assertThat(dialog.name.isInvalid()).as("no name").isTrue();

        test(dialog.name).setValue(name);
        test(find(Button.class).withId("create-api-client").single()).click();
        assertThat(dialog.scopes.isInvalid()).as("nothing ticked").isTrue();

        @SuppressWarnings("unchecked")
        CheckboxGroup<String> scopes = dialog.scopes;
        scopes.setValue(java.util.Set.of("system/QuestionnaireResponse.read", "system/Observation.read"));
        test(find(Button.class).withId("create-api-client").single()).click();

        String token = find(TextField.class).withId("issued-token").single().getValue();
        assertThat(token).startsWith(ApiClients.TOKEN_PREFIX);
        assertThat(jdbc.queryForObject("select count(*) from fhir_api_client where token_hash = ?", Integer.class,
                SecretToken.hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from fhir_api_client where token_hash = ?", Integer.class,
                token)).as("never the token itself").isZero();
        @SuppressWarnings("unchecked")
        Grid<ApiClientSummary> grid = find(Grid.class).single();
        ApiClientSummary row = grid.getGenericDataView().getItems().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow();
        assertThat(ApiClientsView.status(row)).startsWith("Active until");
        assertThat(ApiClientsView.mayRead(row)).contains("Answers to questionnaires", "Scores").doesNotContain("system/");

        test(find(Button.class).withText("Done").single()).click();
        int rowIndex = grid.getGenericDataView().getItems().toList().indexOf(row);
        Button revoke = (Button) test(grid).getCellComponent(rowIndex, 5);
        assertThat(revoke.getElement().getAttribute("aria-label")).isEqualTo("Revoke " + name);
        test(revoke).click();
        test(find(Button.class).withText("Revoke").single()).click();
        assertThat(find(Paragraph.class).withText(name + " can no longer read the FHIR API.").exists()).isTrue();
        assertThat(clients.authenticate(token)).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void aDoubleClickOnCreateTokenMakesOneSystemWithOneToken() {
        String name = "Double " + ReviewTestData.uniqueWord();
        navigate(ApiClientsView.class);
        test(find(Button.class).withId("add-api-client").single()).click();
        var dialog = find(NewApiClientDialog.class).single();
        test(dialog.name).setValue(name);
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> scopes = dialog.scopes;
        scopes.setValue(java.util.Set.of("system/Observation.read"));
        Button create = find(Button.class).withId("create-api-client").single();

        test(create).click();
        // the double-click's second click, as the framework delivers it when it arrives with the first
        create.getElement().getNode().getFeature(ElementListenerMap.class).fireEvent(new DomEvent(create.getElement(),
                "click", JacksonUtils.createObjectNode()));
        assertThat(jdbc.queryForObject("select count(*) from fhir_api_client where name = ?", Integer.class, name))
                .isEqualTo(1);
        assertThat(find(TextField.class).withId("issued-token").all()).hasSize(1);
    }

    @Test
    @WithUserDetails("admin")
    void aRefusedSystemCanBeCorrectedAndCreated() {
        navigate(ApiClientsView.class);
        test(find(Button.class).withId("add-api-client").single()).click();
        var dialog = find(NewApiClientDialog.class).single();
        Button create = find(Button.class).withId("create-api-client").single();
        test(create).click();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(create.isEnabled()).as("enabled again to try once more").isTrue();
    }

    @Test
    @WithUserDetails("amira")
    void theCaseViewOffersTheTransferOfCareDownload() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var client = data.submit(completeAnswers(ReviewTestData.uniqueWord() + " Transfer"));

        navigate("staff/cases/" + client.reference(), CaseView.class);

        Anchor link = find(Anchor.class).withClassName("transfer-download").single();
        assertThat(link.getText()).isEqualTo("Download for transfer of care (FHIR)");
    }
}
