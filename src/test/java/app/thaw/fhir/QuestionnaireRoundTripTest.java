package app.thaw.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import app.thaw.fhir.mapping.Instruments;
import app.thaw.fhir.mapping.QuestionnaireImporter;
import app.thaw.fhir.mapping.QuestionnaireMapper;
import app.thaw.intake.questionnaire.InvalidQuestionnaireException;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;

/**
 * Issue 18's round trip: a Questionnaire Thaw exported, sent through JSON as another system would keep it, imports as
 * a new version of the definition that is the old one in every field but its number, so it renders the same form.
 */
class QuestionnaireRoundTripTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final QuestionnaireMapper mapper = new QuestionnaireMapper(Instruments.standard());
    private final QuestionnaireImporter importer = new QuestionnaireImporter(Instruments.standard());

    @ParameterizedTest
    @ValueSource(strings = {"questionnaire/intake-v1.yaml", "questionnaire/intake-v2.yaml", "questionnaire/phq9-v1.yaml"})
    void anExportedQuestionnaireImportsAsANewVersionOfTheSameForm(String path) {
        QuestionnaireDefinition original = QuestionnaireLoader.loadClasspath(path);
        String json = FHIR.newJsonParser().encodeResourceToString(mapper.toFhir(original));

        Questionnaire received = FHIR.newJsonParser().parseResource(Questionnaire.class, json);
        QuestionnaireDefinition imported = importer.toDefinition(received, original.version() + 1);

        assertThat(imported.version()).isEqualTo(original.version() + 1);
        assertThat(imported).usingRecursiveComparison().ignoringFields("version").isEqualTo(original);
        // and back out again: the new version is the same Questionnaire but for its number
        String again = FHIR.newJsonParser().encodeResourceToString(mapper.toFhir(imported));
        assertThat(again.replace("\"version\":\"" + imported.version() + "\"", "")
                .replace("-v" + imported.version(), ""))
                .isEqualTo(json.replace("\"version\":\"" + original.version() + "\"", "")
                        .replace("-v" + original.version(), ""));
        // and the YAML a release would ship reads back to the same definition
        assertThat(QuestionnaireLoader.parse(QuestionnaireLoader.toYaml(imported), "imported")).isEqualTo(imported);
    }

    @Test
    void phq9CarriesItsLoincPanelItemAndAnswerCodes() {
        Questionnaire q = mapper.toFhir(QuestionnaireLoader.loadClasspath("questionnaire/intake-v1.yaml"));
        var mood = q.getItem().stream().filter(i -> i.getLinkId().equals("mood")).findFirst().orElseThrow();
        var panel = mood.getItem().stream().filter(i -> i.hasCode() && i.getCodeFirstRep().getCode().equals("44249-1"))
                .findFirst().orElseThrow();
        assertThat(panel.getItem()).hasSize(9);
        var first = panel.getItem().getFirst();
        assertThat(first.getCodeFirstRep().getCode()).isEqualTo("44250-9");
        assertThat(first.getAnswerOption()).extracting(o -> o.getValueCoding().getCode())
                .containsExactly("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");
        assertThat(first.getAnswerOption().get(3).getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/ordinalValue")
                .getValue().primitiveValue()).isEqualTo("3");
        assertThat(mood.getItem().stream().anyMatch(i -> i.hasCode()
                && i.getCodeFirstRep().getCode().equals("69737-5"))).isTrue();
        Questionnaire phq9 = mapper.toFhir(QuestionnaireLoader.loadClasspath("questionnaire/phq9-v1.yaml"));
        assertThat(phq9.getCodeFirstRep().getCode()).isEqualTo("44249-1");
        assertThat(phq9.getUrl()).isEqualTo("https://thaw.app/fhir/Questionnaire/phq9");
    }

    @Test
    void aQuestionnaireThatCannotBeAskedIsRefusedWithItsProblems() {
        Questionnaire q = mapper.toFhir(QuestionnaireLoader.loadClasspath("questionnaire/phq9-v1.yaml"));
        q.getItemFirstRep().getItemFirstRep().setLinkId("phq9 one");
        assertThatThrownBy(() -> importer.toDefinition(q, 2)).isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining("phq9 one");
    }
}
