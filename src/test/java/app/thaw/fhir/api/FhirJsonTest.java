package app.thaw.fhir.api;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import app.thaw.fhir.mapping.Instruments;
import app.thaw.fhir.mapping.QuestionnaireMapper;
import app.thaw.intake.questionnaire.QuestionnaireLoader;

/**
 * A document with published Questionnaires copied in from their cached JSON is, character for character, what HAPI
 * writes for the whole bundle; the bundle itself is left as it was.
 */
class FhirJsonTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final QuestionnaireMapper mapper = new QuestionnaireMapper(Instruments.standard());
    private final FhirJson json = new FhirJson(FHIR, mapper);

    @Test
    void aDocumentWithPublishedQuestionnairesIsWhatHapiWritesForTheWholeBundle() {
        Questionnaire intake = mapper.published(QuestionnaireLoader.loadClasspath("questionnaire/intake-v2.yaml"));
        Questionnaire phq9 = mapper.published(QuestionnaireLoader.loadClasspath("questionnaire/phq9-v1.yaml"));
        Bundle bundle = document(intake, phq9);

        for (int read = 0; read < 3; read++) {
            String written = json.encode(bundle);

            assertThat(written).isEqualTo(FHIR.newJsonParser().encodeResourceToString(bundle));
            assertThat(written).doesNotContain("thaw-published-questionnaire");
        }
        assertThat(bundle.getEntry()).extracting(Bundle.BundleEntryComponent::getResource)
                .element(2).isSameAs(intake);
        assertThat(bundle.getEntry()).extracting(Bundle.BundleEntryComponent::getResource)
                .element(3).isSameAs(phq9);
    }

    @Test
    void aQuestionnaireThatIsNotTheSharedOneIsWrittenAsItIs() {
        Questionnaire published = mapper.published(QuestionnaireLoader.loadClasspath("questionnaire/intake-v2.yaml"));
        Questionnaire changed = mapper.toFhir(QuestionnaireLoader.loadClasspath("questionnaire/intake-v2.yaml"));
        changed.setTitle("Changed after it was built");
        Bundle bundle = document(changed);

        assertThat(mapper.isPublished(published)).isTrue();
        assertThat(mapper.isPublished(changed)).isFalse();
        assertThat(json.encode(bundle)).isEqualTo(FHIR.newJsonParser().encodeResourceToString(bundle))
                .contains("Changed after it was built");
    }

    @Test
    void otherResourcesAreHapisOwnJson() {
        var patient = new Patient();
        patient.setId("THW-ABC123");
        patient.addName().setText("Test Client");

        assertThat(json.encode(patient)).isEqualTo(FHIR.newJsonParser().encodeResourceToString(patient));
    }

    private static Bundle document(Resource... asked) {
        var composition = new Composition();
        composition.setId("THW-ABC123");
        composition.setTitle("Transfer of care: THW-ABC123");
        var patient = new Patient();
        patient.setId("THW-ABC123");
        var bundle = new Bundle().setType(Bundle.BundleType.DOCUMENT);
        bundle.setId("THW-ABC123");
        for (Resource resource : java.util.List.of(composition, patient)) {
            bundle.addEntry().setFullUrl("https://thaw.example/fhir/R4/" + resource.fhirType() + "/THW-ABC123")
                    .setResource(resource);
        }
        for (Resource resource : asked) {
            composition.addSection().addEntry(new Reference(resource.fhirType() + "/" + resource.getIdPart()));
            bundle.addEntry().setFullUrl("https://thaw.example/fhir/R4/" + resource.fhirType() + "/"
                    + resource.getIdPart()).setResource(resource);
        }
        return bundle;
    }
}
