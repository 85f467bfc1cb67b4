package app.thaw.intake.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a questionnaire definition from YAML and refuses any definition with a structural problem,
 * so a broken file stops the application start with a message naming every problem.
 */
public final class QuestionnaireLoader {

    /** Classpath location of the first intake questionnaire, still read for the forms sent with it. */
    public static final String INTAKE_V1 = "questionnaire/intake-v1.yaml";

    /** Classpath location of the current intake questionnaire. */
    public static final String INTAKE_V2 = "questionnaire/intake-v2.yaml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Omitted score/required/version default to 0/false; the checker rejects a version of 0.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private QuestionnaireLoader() {
    }

    public static QuestionnaireDefinition loadIntakeV1() {
        return loadClasspath(INTAKE_V1);
    }

    /** The version new clients fill in. */
    public static QuestionnaireDefinition loadCurrent() {
        return loadClasspath(INTAKE_V2);
    }

    /** Loads from the classpath, e.g. {@code "questionnaire/intake-v1.yaml"}. */
    public static QuestionnaireDefinition loadClasspath(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null || loader.getResource(path) == null) {
            loader = QuestionnaireLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidQuestionnaireException(path, List.of(path + ": not found on the classpath"));
            }
            return load(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read questionnaire " + path, e);
        }
    }

    public static QuestionnaireDefinition load(InputStream in) {
        return load(in, "questionnaire");
    }

    /** @param sourceName names the file in error messages */
    public static QuestionnaireDefinition load(InputStream in, String sourceName) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read questionnaire " + sourceName, e);
        }
    }

    /** Parses YAML text, e.g. a definition stored with an old submission. */
    public static QuestionnaireDefinition parse(String yaml, String sourceName) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidQuestionnaireException(sourceName, List.of(sourceName + ": the file is empty"));
        }
        QuestionnaireDefinition definition;
        try {
            definition = MAPPER.readValue(yaml, QuestionnaireDefinition.class);
        } catch (JacksonException e) {
            throw unreadable(sourceName, e);
        }
        return validated(definition, sourceName);
    }

    /** The definition as YAML that {@link #parse} reads back unchanged, e.g. to store with a submission. */
    public static String toYaml(QuestionnaireDefinition definition) {
        return MAPPER.writeValueAsString(definition);
    }

    /** Every structural problem of a definition, e.g. one built in code; empty when it is usable. */
    public static List<String> problems(QuestionnaireDefinition definition) {
        return DefinitionChecker.problems(definition, "questionnaire");
    }

    private static QuestionnaireDefinition validated(QuestionnaireDefinition definition, String sourceName) {
        if (definition == null) {
            throw new InvalidQuestionnaireException(sourceName, List.of(sourceName + ": the file is empty"));
        }
        List<String> problems = DefinitionChecker.problems(definition, sourceName);
        if (!problems.isEmpty()) {
            String name = DefinitionChecker.blank(definition.id()) ? sourceName : definition.key();
            throw new InvalidQuestionnaireException(name, problems);
        }
        return definition;
    }

    private static InvalidQuestionnaireException unreadable(String sourceName, JacksonException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new InvalidQuestionnaireException(sourceName,
                sourceName + ": cannot be read as a questionnaire" + where + ": " + e.getOriginalMessage(), e);
    }
}
