package app.thaw.review.factors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads contributing-factor rules from YAML. Parsing checks the shape; {@link #validate} checks
 * every reference and threshold against the questionnaire, so a broken file stops the start.
 */
public final class FactorRuleLoader {

    /** Classpath location of the current rules. */
    public static final String FACTOR_RULES_V1 = "review/factor-rules-v1.yaml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Omitted versions default to 0, which the checker rejects with a clear message.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // Kinds are written "countAtLeast" in YAML: Kind#toString().
            .enable(EnumFeature.READ_ENUMS_USING_TO_STRING)
            .build();

    private FactorRuleLoader() {
    }

    public static FactorRuleSet loadV1() {
        return loadClasspath(FACTOR_RULES_V1);
    }

    /** Loads the current rules and checks them against the questionnaire they will read, listing every problem. */
    public static FactorRuleSet loadV1(QuestionnaireDefinition definition) {
        return parse(text(FACTOR_RULES_V1), FACTOR_RULES_V1, definition);
    }

    public static FactorRuleSet loadClasspath(String path) {
        return parse(text(path), path);
    }

    private static String text(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null || loader.getResource(path) == null) {
            loader = FactorRuleLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidFactorRulesException(path, List.of(path + ": not found on the classpath"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read factor rules " + path, e);
        }
    }

    /** @param sourceName names the file in error messages */
    public static FactorRuleSet load(InputStream in, String sourceName) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read factor rules " + sourceName, e);
        }
    }

    /** Parses YAML text and checks everything that does not depend on the questionnaire. */
    public static FactorRuleSet parse(String yaml, String source) {
        FactorRuleSet set = read(yaml, source);
        throwIfAny(set, FactorRuleChecker.problems(set, null, source), source);
        return set;
    }

    /** Parses YAML text and checks it against the questionnaire, listing every problem at once. */
    public static FactorRuleSet parse(String yaml, String source, QuestionnaireDefinition definition) {
        FactorRuleSet set = read(yaml, source);
        throwIfAny(set, FactorRuleChecker.problems(set, definition, source), source);
        return set;
    }

    private static FactorRuleSet read(String yaml, String source) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidFactorRulesException(source, List.of(source + ": the file is empty"));
        }
        FactorRuleSet set;
        try {
            set = MAPPER.readValue(yaml, FactorRuleSet.class);
        } catch (JacksonException e) {
            throw unreadable(source, e);
        }
        if (set == null) {
            throw new InvalidFactorRulesException(source, List.of(source + ": the file is empty"));
        }
        return set;
    }

    /** Returns the rules unchanged, or throws listing every problem against this questionnaire. */
    public static FactorRuleSet validate(FactorRuleSet rules, QuestionnaireDefinition definition) {
        throwIfAny(rules, problems(rules, definition), "factor rules");
        return rules;
    }

    /** Every problem of the rules against this questionnaire; empty when they are usable. */
    public static List<String> problems(FactorRuleSet rules, QuestionnaireDefinition definition) {
        return FactorRuleChecker.problems(rules, definition, "factor rules");
    }

    private static void throwIfAny(FactorRuleSet set, List<String> problems, String source) {
        if (!problems.isEmpty()) {
            throw new InvalidFactorRulesException(FactorRuleChecker.blank(set.id()) ? source : set.key(), problems);
        }
    }

    private static InvalidFactorRulesException unreadable(String source, JacksonException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new InvalidFactorRulesException(source,
                source + ": cannot be read as factor rules" + where + ": " + e.getOriginalMessage(), e);
    }
}
