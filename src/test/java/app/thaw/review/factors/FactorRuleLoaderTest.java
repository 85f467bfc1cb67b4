package app.thaw.review.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;

class FactorRuleLoaderTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();

    // A small valid rule set; each broken variant changes one line of it.
    private static final String VALID = """
            id: test-rules
            version: 1
            questionnaireId: intake
            questionnaireVersion: 1
            tags:
              - { id: anxiety, label: "Anxiety", description: "Anxiety symptoms." }
              - { id: low_mood, label: "Low mood", description: "Low mood symptoms." }
            rules:
              - id: anxiety.gad7
                tag: anxiety
                kind: scoreAtLeast
                score: gad7
                atLeast: 10
                reason: "GAD-7 total {total} ({band})"
              - id: low_mood.phq2
                tag: low_mood
                kind: sumAtLeast
                items: [phq9.1, phq9.2]
                atLeast: 3
                reason: "PHQ-2 total {sum} of {max}"
              - id: anxiety.burnout
                tag: anxiety
                kind: countAtLeast
                items: ["burnout.*"]
                minScore: 2
                atLeast: 3
                reason: "{count} of {total} items answered '{minLabel}' or more"
              - id: low_mood.hormonal
                tag: low_mood
                kind: answerIn
                item: medication.hormonal
                values: [thyroid]
                reason: "Reported: {answers}"
            """;

    private static final String P = "test-rules-v1: ";

    @Test
    void realRulesLoadAndValidateAgainstIntakeV1() {
        FactorRuleSet rules = FactorRuleLoader.loadV1(INTAKE);

        assertThat(rules.key()).isEqualTo("factor-rules-v1");
        assertThat(rules.questionnaireKey()).isEqualTo(INTAKE.key());
        assertThat(rules.tags()).extracting(FactorTag::id).containsExactly("emotional_burnout",
                "learned_suppression", "anxiety", "low_mood", "medication_effects", "hormonal_change",
                "relationship_strain", "acute_stress");
        assertThat(rules.tag("low_mood")).map(FactorTag::label).contains("Low mood / depression");
        assertThat(rules.tags()).allSatisfy(t -> {
            assertThat(t.description()).isNotBlank();
            assertThat(rules.rulesFor(t.id())).as(t.id()).isNotEmpty();
        });
        assertThat(FactorRuleLoader.problems(rules, INTAKE)).isEmpty();
    }

    @Test
    void validateAlsoListsEveryProblemOfASetBuiltInCode() {
        FactorRuleSet rules = new FactorRuleSet("code", 1, "intake", 1,
                List.of(new FactorTag("anxiety", "Anxiety", "Anxiety symptoms.")),
                List.of(new FactorRule("anxiety.gad7", "anxiety", FactorRule.Kind.SCORE_AT_LEAST, null, null, 30,
                        "gad7", null, null, null, "GAD-7 total {total}")));

        assertThatThrownBy(() -> FactorRuleLoader.validate(rules, INTAKE))
                .isInstanceOf(InvalidFactorRulesException.class)
                .hasMessage("Factor rules code-v1 cannot be used (1 problem):\n"
                        + " - code-v1: rule 'anxiety.gad7': atLeast 30 is outside the possible range 1–21");
    }

    @Test
    void smallValidSetLoadsFromAStream() {
        FactorRuleSet rules = FactorRuleLoader.load(
                new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)), "test.yaml");

        assertThat(FactorRuleLoader.validate(rules, INTAKE)).isSameAs(rules);
        assertThat(rules.rules().get(2).kind()).isEqualTo(FactorRule.Kind.COUNT_AT_LEAST);
    }

    static Stream<Arguments> brokenVariants() {
        return Stream.of(
                arguments("tag: low_mood\n    kind: sumAtLeast", "tag: sleep\n    kind: sumAtLeast",
                        P + "rule 'low_mood.phq2': unknown tag 'sleep'"),
                arguments("[phq9.1, phq9.2]", "[phq9.1, phq9.22]", P + "rule 'low_mood.phq2': unknown item 'phq9.22'"),
                arguments("\"burnout.*\"", "\"burn.*\"", P + "rule 'anxiety.burnout': item prefix 'burn.*' matches no item"),
                arguments("score: gad7", "score: gad8", P + "rule 'anxiety.gad7': unknown score 'gad8' (expected one of "
                        + "[numbness, burnout, suppression, relationship_impact, phq9, gad7])"),
                arguments("[phq9.1, phq9.2]", "[phq9.1, medication.current]",
                        P + "rule 'low_mood.phq2': item 'medication.current' is not scored"),
                arguments("[phq9.1, phq9.2]", "[phq9.1, presenting.what_brings_you]",
                        P + "rule 'low_mood.phq2': item 'presenting.what_brings_you' is not scored"),
                arguments("[phq9.1, phq9.2]", "[phq9.1, phq9.1]", P + "rule 'low_mood.phq2': item 'phq9.1' is listed twice"),
                arguments("atLeast: 3\n    reason: \"{count}", "atLeast: 7\n    reason: \"{count}",
                        P + "rule 'anxiety.burnout': atLeast 7 is outside the possible range 1–6"),
                arguments("atLeast: 3\n    reason: \"PHQ", "atLeast: 7\n    reason: \"PHQ",
                        P + "rule 'low_mood.phq2': atLeast 7 is outside the possible range 1–6"),
                arguments("atLeast: 10", "atLeast: 22", P + "rule 'anxiety.gad7': atLeast 22 is outside the possible range 1–21"),
                arguments("atLeast: 10", "atLeast: 0", P + "rule 'anxiety.gad7': atLeast 0 is outside the possible range 1–21"),
                arguments("minScore: 2", "minScore: 4",
                        P + "rule 'anxiety.burnout': minScore 4 is outside the possible range 1–3 of item 'burnout.exhaustion'"),
                arguments("id: low_mood.hormonal", "id: anxiety.gad7", P + "duplicate rule id 'anxiety.gad7'"),
                arguments("{ id: low_mood, label", "{ id: anxiety, label", P + "duplicate tag id 'anxiety'"),
                arguments("values: [thyroid]", "values: [thyroids]",
                        P + "rule 'low_mood.hormonal': 'thyroids' is not an answer option of item 'medication.hormonal'"),
                arguments("item: medication.hormonal\n", "item: medication.hormonal_other\n",
                        P + "rule 'low_mood.hormonal': item 'medication.hormonal_other' takes free text, which rules never read"),
                arguments("Reported: {answers}", "Reported: {details}",
                        P + "rule 'low_mood.hormonal': unknown placeholder {details} in reason (answerIn allows [{answers}])"),
                arguments("questionnaireVersion: 1", "questionnaireVersion: 2",
                        P + "written for questionnaire intake-v2 but checked against intake-v1"),
                arguments("    atLeast: 10\n", "", P + "rule 'anxiety.gad7' has no atLeast"),
                arguments("score: gad7", "score: gad7\n    minScore: 2", P + "rule 'anxiety.gad7': scoreAtLeast takes no minScore"),
                arguments("    reason: \"GAD-7 total {total} ({band})\"\n", "", P + "rule 'anxiety.gad7' has no reason"),
                arguments("label: \"Anxiety\", ", "", P + "tag 'anxiety' has no label"));
    }

    @ParameterizedTest
    @MethodSource("brokenVariants")
    void eachBrokenVariantNamesItsProblem(String from, String to, String expected) {
        assertThat(VALID).contains(from);

        assertThat(problemsOf(VALID.replace(from, to))).contains(expected);
    }

    @Test
    void everyProblemIsListedInOneMessage() {
        String yaml = VALID.replace("score: gad7", "score: gad8").replace("tag: low_mood\n    kind: sumAtLeast",
                "tag: sleep\n    kind: sumAtLeast").replace("values: [thyroid]", "values: [thyroids]");

        assertThatThrownBy(() -> FactorRuleLoader.parse(yaml, "test.yaml", INTAKE))
                .isInstanceOf(InvalidFactorRulesException.class)
                .hasMessageStartingWith("Factor rules test-rules-v1 cannot be used (3 problems):\n - " + P)
                .hasMessageContaining("unknown score 'gad8'")
                .hasMessageContaining("unknown tag 'sleep'")
                .hasMessageContaining("'thyroids' is not an answer option");
    }

    @Test
    void allOfNeedsTwoConditionsWithoutIdsOrTags() {
        String yaml = VALID + """
                  - id: anxiety.recent
                    tag: anxiety
                    kind: allOf
                    allOf:
                      - tag: anxiety
                        kind: answerIn
                        item: presenting.duration
                        values: [under_2m]
                        reason: "Began {answers} ago"
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                P + "rule 'anxiety.recent': allOf needs at least 2 conditions",
                P + "rule 'anxiety.recent' condition 1: a condition inside allOf takes no id or tag",
                P + "rule 'anxiety.recent' condition 1: 'under_2m' is not an answer option of item 'presenting.duration'");
    }

    @Test
    void unknownKindIsReportedWithItsLine() {
        assertThatThrownBy(() -> FactorRuleLoader.parse(VALID.replace("kind: scoreAtLeast", "kind: scoreAbove"), "test.yaml"))
                .isInstanceOf(InvalidFactorRulesException.class)
                .hasMessageContaining("test.yaml: cannot be read as factor rules (line 11")
                .hasMessageContaining("scoreAbove");
    }

    @Test
    void misspelledFieldIsReported() {
        assertThatThrownBy(() -> FactorRuleLoader.parse(VALID.replace("atLeast: 10", "atleast: 10"), "test.yaml"))
                .isInstanceOf(InvalidFactorRulesException.class)
                .hasMessageContaining("test.yaml: cannot be read as factor rules")
                .hasMessageContaining("atleast");
    }

    @Test
    void emptyFileIsReported() {
        assertThatThrownBy(() -> FactorRuleLoader.parse("  \n", "test.yaml"))
                .isInstanceOf(InvalidFactorRulesException.class)
                .hasMessage("Factor rules test.yaml cannot be used (1 problem):\n - test.yaml: the file is empty");
    }

    @Test
    void missingClasspathFileIsReported() {
        assertThatThrownBy(() -> FactorRuleLoader.loadClasspath("review/nope.yaml"))
                .isInstanceOf(InvalidFactorRulesException.class)
                .hasMessageContaining("review/nope.yaml: not found on the classpath");
    }

    @Test
    void shapeProblemsStopParsingWithoutAQuestionnaire() {
        String yaml = VALID.replace("version: 1\nquestionnaireId", "version: 0\nquestionnaireId")
                .replace("tag: low_mood\n    kind: sumAtLeast", "tag: sleep\n    kind: sumAtLeast");

        assertThatThrownBy(() -> FactorRuleLoader.parse(yaml, "test.yaml"))
                .isInstanceOf(InvalidFactorRulesException.class)
                .satisfies(e -> assertThat(((InvalidFactorRulesException) e).problems()).containsExactly(
                        "test-rules-v0: version must be 1 or more (was 0)",
                        "test-rules-v0: rule 'low_mood.phq2': unknown tag 'sleep'"));
    }

    private static List<String> problemsOf(String yaml) {
        try {
            FactorRuleLoader.parse(yaml, "test.yaml", INTAKE);
            return List.of();
        } catch (InvalidFactorRulesException e) {
            return e.problems();
        }
    }
}
