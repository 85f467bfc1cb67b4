package app.thaw.fhir;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;

import jakarta.annotation.security.RolesAllowed;

import org.hl7.fhir.r4.model.Questionnaire;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.fhir.mapping.QuestionnaireImporter;
import app.thaw.fhir.mapping.QuestionnaireMapper;
import app.thaw.fhir.mapping.ThawFhir;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;
import app.thaw.security.Roles;

/**
 * Every questionnaire version Thaw asks, as FHIR Questionnaires, and the way back: a Questionnaire Thaw published (or
 * one written the same way) read in as the next version of its definition, with the YAML a release ships.
 */
@Component
public class FhirQuestionnaires {

    /** A definition imported from FHIR, and the YAML file it becomes (questionnaire/{id}-v{version}.yaml). */
    public record Imported(QuestionnaireDefinition definition, String fileName, String yaml) {
    }

    private final List<QuestionnaireSource> sources;
    private final QuestionnaireMapper mapper;
    private final QuestionnaireImporter importer;
    private final FhirContext fhir;

    FhirQuestionnaires(List<QuestionnaireSource> sources, QuestionnaireMapper mapper, QuestionnaireImporter importer,
                       FhirContext fhir) {
        this.sources = sources;
        this.mapper = mapper;
        this.importer = importer;
        this.fhir = fhir;
    }

    List<QuestionnaireDefinition> definitions() {
        return sources.stream().flatMap(s -> s.definitions().stream())
                .sorted(Comparator.comparing(QuestionnaireDefinition::id).thenComparing(QuestionnaireDefinition::version))
                .toList();
    }

    Optional<Questionnaire> byId(String id) {
        return definitions().stream()
                .filter(d -> ThawFhir.questionnaireId(d.id(), d.version()).equalsIgnoreCase(id.strip()))
                .findFirst().map(mapper::published);
    }

    /** By canonical URL, all versions or the one after {@code |}; every version when no URL is given. */
    List<Questionnaire> search(@Nullable String canonical) {
        String url = canonical == null ? null : canonical.contains("|")
                ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        String version = canonical == null || !canonical.contains("|") ? null
                : canonical.substring(canonical.indexOf('|') + 1);
        return definitions().stream()
                .filter(d -> url == null || ThawFhir.questionnaireUrl(d.id()).equals(url))
                .filter(d -> version == null || String.valueOf(d.version()).equals(version))
                .map(mapper::published).toList();
    }

    /**
     * Reads a FHIR Questionnaire (JSON) as the next version of its definition: one more than the highest version Thaw
     * knows of that questionnaire. Refused with every problem named when it is not one Thaw could ask.
     */
    @RolesAllowed(Roles.ADMIN)
    public Imported importAsNewVersion(String questionnaireJson) {
        Questionnaire questionnaire;
        try {
            questionnaire = fhir.newJsonParser().parseResource(Questionnaire.class, questionnaireJson);
        } catch (DataFormatException | ClassCastException e) {
            throw FhirRequestRefused.invalid("This is not a FHIR R4 Questionnaire in JSON.");
        }
        QuestionnaireDefinition probe = importer.toDefinition(questionnaire,
                QuestionnaireImporter.versionOf(questionnaire).orElse(1));
        int next = definitions().stream().filter(d -> d.id().equals(probe.id()))
                .mapToInt(QuestionnaireDefinition::version).max().orElse(0) + 1;
        QuestionnaireDefinition definition = importer.toDefinition(questionnaire, next);
        return new Imported(definition, definition.key() + ".yaml", QuestionnaireLoader.toYaml(definition));
    }
}
