package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionnaireLoaderTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();

    // A small valid definition; each broken case below changes exactly one thing in it.
    private static final String VALID = """
            id: intake
            version: 1
            title: Test
            privacyNoticeVersion: "t"
            scales:
              - id: freq
                stem: How often?
                options:
                  - { value: "0", label: Never, score: 0 }
                  - { value: "1", label: Often, score: 1 }
            sections:
              - id: s1
                title: One
                items:
                  - { id: a.choice, kind: SINGLE_CHOICE, text: Pick, options: [{ value: "yes", label: Yes }, { value: "no", label: No }] }
                  - { id: a.text, kind: TEXT, text: Say, maxLength: 50, showIf: { item: a.choice, anyOf: ["yes"] } }
                  - { id: phq9.9, kind: SCALE, scale: freq, text: Q9 }
                  - { id: phq9.8, kind: SCALE, scale: freq, text: Q8 }
            scores:
              - id: total
                label: Total
                items: [phq9.9, phq9.8]
                bands: [{ min: 0, max: 0, label: None }, { min: 1, max: 2, label: Some }]
            riskRules:
              - { id: r, item: phq9.9, anyOf: ["1"], description: Risk }
            """;

    @Test
    void realIntakeLoadsWithIdVersionAndPrivacyNotice() {
        assertThat(INTAKE.key()).isEqualTo("intake-v1");
        assertThat(INTAKE.privacyNoticeVersion()).isEqualTo("2026-11");
        assertThat(QuestionnaireLoader.problems(INTAKE)).isEmpty();
    }

    @Test
    void realIntakeHasTheElevenProductSectionsInOrder() {
        assertThat(INTAKE.sections()).extracting(Section::id).containsExactly(
                "about", "presenting", "numbness", "burnout", "suppression", "mood",
                "medication", "relationship", "safety", "preferences", "consent");
        assertThat(INTAKE.sections()).extracting(Section::title).containsExactly(
                "About you", "What brings you here", "Numbness and crying", "Exhaustion and burnout",
                "How you learned to handle feelings", "Mood and anxiety", "Medication and physical health",
                "Your relationship", "Safety", "Your preferences", "Consent");
    }

    @Test
    void phq9HasNineStandardItemsAndGad7SevenWithAttribution() {
        Section mood = INTAKE.section("mood").orElseThrow();
        List<Item> phq9 = mood.items().stream().filter(i -> i.id().startsWith("phq9.")).toList();
        List<Item> gad7 = mood.items().stream().filter(i -> i.id().startsWith("gad7.")).toList();
        assertThat(phq9).extracting(Item::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 9).mapToObj(n -> "phq9." + n).toList());
        assertThat(gad7).extracting(Item::id)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 7).mapToObj(n -> "gad7." + n).toList());
        assertThat(phq9).allSatisfy(i -> assertThat(i.scale()).isEqualTo("phq9"));
        assertThat(gad7).allSatisfy(i -> assertThat(i.scale()).isEqualTo("gad7"));
        assertThat(INTAKE.stemFor(phq9.getFirst()))
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
        assertThat(INTAKE.stemFor(gad7.getFirst()))
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by the following problems?");
        assertThat(phq9.get(8).text())
                .isEqualTo("Thoughts that you would be better off dead or of hurting yourself in some way");
        assertThat(gad7.getFirst().text()).isEqualTo("Feeling nervous, anxious, or on edge");
        assertThat(INTAKE.optionsFor(phq9.getFirst())).extracting(Option::label, Option::score).containsExactly(
                tuple("Not at all", 0),
                tuple("Several days", 1),
                tuple("More than half the days", 2),
                tuple("Nearly every day", 3));
        String attribution = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                + "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
                + "display or distribute.";
        assertThat(phq9.get(8).note()).isEqualTo(attribution);
        assertThat(gad7.get(6).note()).isEqualTo(attribution);
    }

    @Test
    void itemIdsTheServiceAndUiDependOnExistWithTheirKinds() {
        Map<String, ItemKind> expected = Map.ofEntries(
                Map.entry("about.full_name", ItemKind.TEXT), Map.entry("about.preferred_name", ItemKind.TEXT),
                Map.entry("about.date_of_birth", ItemKind.DATE), Map.entry("about.email", ItemKind.EMAIL),
                Map.entry("about.phone", ItemKind.PHONE), Map.entry("about.contact_method", ItemKind.SINGLE_CHOICE),
                Map.entry("about.voicemail_ok", ItemKind.SINGLE_CHOICE), Map.entry("about.text_ok", ItemKind.SINGLE_CHOICE),
                Map.entry("about.gp_practice", ItemKind.TEXT), Map.entry("presenting.what_brings_you", ItemKind.LONG_TEXT),
                Map.entry("presenting.duration", ItemKind.SINGLE_CHOICE), Map.entry("presenting.what_helped", ItemKind.LONG_TEXT),
                Map.entry("medication.current", ItemKind.SINGLE_CHOICE), Map.entry("medication.details", ItemKind.LONG_TEXT),
                Map.entry("medication.hormonal", ItemKind.MULTI_CHOICE), Map.entry("medication.hormonal_other", ItemKind.TEXT),
                Map.entry("medication.gp_reviewed", ItemKind.SINGLE_CHOICE),
                Map.entry("relationship.in_relationship", ItemKind.SINGLE_CHOICE),
                Map.entry("relationship.length", ItemKind.SINGLE_CHOICE),
                Map.entry("relationship.partner_reads_calm", ItemKind.SCALE),
                Map.entry("relationship.partner_knows", ItemKind.SINGLE_CHOICE),
                Map.entry("relationship.partner_would_attend", ItemKind.SINGLE_CHOICE),
                Map.entry("safety.safe_now", ItemKind.SINGLE_CHOICE), Map.entry("safety.partner_fear", ItemKind.SINGLE_CHOICE),
                Map.entry("safety.partner_fear_detail", ItemKind.LONG_TEXT),
                Map.entry("preferences.session_type", ItemKind.SINGLE_CHOICE),
                Map.entry("preferences.format", ItemKind.SINGLE_CHOICE), Map.entry("preferences.days", ItemKind.MULTI_CHOICE),
                Map.entry("preferences.times", ItemKind.MULTI_CHOICE), Map.entry("preferences.anything_else", ItemKind.LONG_TEXT),
                Map.entry("consent.privacy", ItemKind.CONSENT), Map.entry("consent.contact", ItemKind.CONSENT),
                Map.entry("consent.age18", ItemKind.CONSENT));
        expected.forEach((id, kind) -> assertThat(INTAKE.item(id)).as(id).get().extracting(Item::kind).isEqualTo(kind));
        assertThat(INTAKE.item("about.date_of_birth").orElseThrow().adultOnly()).isTrue();
        assertThat(values("medication.hormonal")).containsExactly(
                "perimenopause_menopause", "pregnancy_birth_12m", "thyroid", "other", "none");
        assertThat(values("presenting.duration")).containsExactly("under_1m", "1_6m", "6_12m", "over_1y");
        assertThat(values("preferences.days"))
                .containsExactly("monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
        assertThat(values("preferences.format")).containsExactly("in_person", "online", "either");
        assertThat(values("about.contact_method")).containsExactly("email", "phone", "text");
    }

    @Test
    void articleBlocksUseTheSharedScales() {
        assertThat(itemsOf("numbness")).hasSize(5).allSatisfy(i -> assertThat(i.scale()).isEqualTo("frequency"));
        assertThat(itemsOf("burnout")).hasSize(6).allSatisfy(i -> assertThat(i.scale()).isEqualTo("frequency"));
        assertThat(itemsOf("suppression")).hasSize(4).allSatisfy(i -> assertThat(i.scale()).isEqualTo("agreement"));
        assertThat(itemsOf("mood").stream().filter(i -> i.id().startsWith("mood."))).hasSize(5)
                .allSatisfy(i -> assertThat(i.scale()).isEqualTo("frequency"));
        assertThat(INTAKE.scale("agreement").orElseThrow().options()).extracting(Option::label)
                .containsExactly("Strongly disagree", "Disagree", "Agree", "Strongly agree");
    }

    @Test
    void scoresRiskRulesAndConditionsAreWired() {
        assertThat(INTAKE.scores()).extracting(ScoreDefinition::id)
                .containsExactly("numbness", "burnout", "suppression", "relationship_impact", "phq9", "gad7");
        assertThat(INTAKE.score("relationship_impact").orElseThrow().items()).hasSize(5)
                .allSatisfy(id -> assertThat(INTAKE.item(id).orElseThrow().showIf().item())
                        .isEqualTo("relationship.in_relationship"));
        assertThat(INTAKE.riskRules()).extracting(RiskRule::id).containsExactly("phq9_item9", "not_safe_now", "partner_fear");
        assertThat(INTAKE.item("safety.partner_fear").orElseThrow().showIf())
                .isEqualTo(new Condition("relationship.in_relationship", List.of("yes")));
        assertThat(INTAKE.item("medication.details").orElseThrow().showIf())
                .isEqualTo(new Condition("medication.current", List.of("yes")));
        assertThat(INTAKE.item("medication.hormonal_other").orElseThrow().showIf())
                .isEqualTo(new Condition("medication.hormonal", List.of("other")));
    }

    @Test
    void textItemsFallBackToFieldLimits() {
        assertThat(INTAKE.item("about.full_name").orElseThrow().effectiveMaxLength()).isEqualTo(FieldLimits.TEXT);
        assertThat(INTAKE.item("about.email").orElseThrow().effectiveMaxLength()).isEqualTo(FieldLimits.EMAIL);
        assertThat(INTAKE.item("about.phone").orElseThrow().effectiveMaxLength()).isEqualTo(FieldLimits.PHONE);
        assertThat(INTAKE.item("presenting.what_brings_you").orElseThrow().effectiveMaxLength())
                .isEqualTo(FieldLimits.LONG_TEXT);
        assertThat(INTAKE.item("medication.details").orElseThrow().effectiveMaxLength()).isEqualTo(1000);
    }

    @Test
    void theSmallTemplateIsValid() {
        assertThat(parse(VALID).items()).hasSize(4);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            scale: freq, text: Q9                 | scale: freqq, text: Q9                    | intake-v1: item 'phq9.9' refers to unknown scale 'freqq'
            id: phq9.8, kind                      | id: phq9.9, kind                          | intake-v1: duplicate item id 'phq9.9' (in sections 's1' and 's1')
            { value: "no", label: No }            | { value: "yes", label: No }               | intake-v1: item 'a.choice' has duplicate option value 'yes'
            kind: SINGLE_CHOICE, text: Pick, options: [{ value: "yes", label: Yes }, { value: "no", label: No }] | kind: SINGLE_CHOICE, text: Pick | intake-v1: item 'a.choice' (SINGLE_CHOICE) has no options
            items: [phq9.9, phq9.8]               | items: [phq9.9, phq9.7]                   | intake-v1: score 'total' refers to unknown item 'phq9.7'
            items: [phq9.9, phq9.8]               | items: [phq9.9, a.text]                   | intake-v1: score 'total' uses item 'a.text', which is a TEXT item; only SCALE and SINGLE_CHOICE items can be scored
            { min: 1, max: 2, label: Some }       | { min: 2, max: 2, label: Some }           | intake-v1: score 'total' has a gap between bands 'None' (ends 0) and 'Some' (starts 2)
            { min: 1, max: 2, label: Some }       | { min: 0, max: 2, label: Some }           | intake-v1: score 'total' has overlapping bands 'None' (ends 0) and 'Some' (starts 0)
            { min: 1, max: 2, label: Some }       | { min: 1, max: 1, label: Some }           | intake-v1: score 'total' bands end at 1 but the maximum possible score is 2
            { min: 0, max: 0, label: None }       | { min: 1, max: 0, label: None }           | intake-v1: score 'total' bands must start at 0 (the first band starts at 1)
            showIf: { item: a.choice, anyOf: ["yes"] } | showIf: { item: phq9.9, anyOf: ["1"] } | intake-v1: item 'a.text' shows only if 'phq9.9', which does not come before it
            showIf: { item: a.choice, anyOf: ["yes"] } | showIf: { item: a.choise, anyOf: ["yes"] } | intake-v1: item 'a.text' shows only if unknown item 'a.choise'
            showIf: { item: a.choice, anyOf: ["yes"] } | showIf: { item: a.choice, anyOf: ["maybe"] } | intake-v1: item 'a.text' shows only if 'a.choice' is 'maybe', which is not one of its options [yes, no]
            { id: r, item: phq9.9, anyOf: ["1"]   | { id: r, item: phq9.10, anyOf: ["1"]      | intake-v1: risk rule 'r' refers to unknown item 'phq9.10'
            { id: r, item: phq9.9, anyOf: ["1"]   | { id: r, item: phq9.9, anyOf: ["4"]       | intake-v1: risk rule 'r' fires when 'phq9.9' is '4', which is not one of its options [0, 1]
            maxLength: 50                         | maxLength: 0                              | intake-v1: item 'a.text' maxLength must be positive (was 0)
            maxLength: 50                         | maxLength: 201                            | intake-v1: item 'a.text' maxLength 201 is above the storage limit of 200 for TEXT (FieldLimits)
            version: 1                            | version: 0                                | intake-v0: version must be 1 or more (was 0)
            - id: s1                              | - id: s 1                                 | intake-v1: section id 's 1' must be 1–64 letters, digits, '.', '_' or '-'
            """)
    void brokenDefinitionsNameTheProblem(String original, String broken, String expectedProblem) {
        assertThat(VALID).contains(original);
        String yaml = VALID.replace(original, broken);
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining(expectedProblem)
                .satisfies(e -> assertThat(((InvalidQuestionnaireException) e).problems()).contains(expectedProblem));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String yaml = VALID.replace("scale: freq, text: Q9", "scale: nope, text: Q9")
                .replace("maxLength: 50", "maxLength: -3")
                .replace("anyOf: [\"1\"], description: Risk", "anyOf: [\"1\"], description: \"\"");
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageStartingWith("Questionnaire definition intake-v1 cannot be used (3 problems):")
                .hasMessageContaining("item 'phq9.9' refers to unknown scale 'nope'")
                .hasMessageContaining("item 'a.text' maxLength must be positive (was -3)")
                .hasMessageContaining("risk rule 'r' has no description");
    }

    @Test
    void unknownPropertiesAndBadKindsAreRefusedWithTheirLocation() {
        assertThatThrownBy(() -> parse(VALID.replace("text: Say,", "txet: Say,")))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining("test.yaml: cannot be read as a questionnaire (line 16")
                .hasMessageContaining("\"txet\"");
        assertThatThrownBy(() -> parse(VALID.replace("kind: TEXT", "kind: TEXTAREA")))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining("TEXTAREA");
    }

    @Test
    void malformedEmptyAndMissingFilesAreRefusedClearly() {
        assertThatThrownBy(() -> parse("id: [unclosed"))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining("test.yaml: cannot be read as a questionnaire");
        assertThatThrownBy(() -> QuestionnaireLoader.load(new ByteArrayInputStream(new byte[0]), "empty.yaml"))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining("empty.yaml: the file is empty");
        assertThatThrownBy(() -> QuestionnaireLoader.loadClasspath("questionnaire/nope.yaml"))
                .isInstanceOf(InvalidQuestionnaireException.class)
                .hasMessageContaining("questionnaire/nope.yaml: not found on the classpath");
    }

    @Test
    void aStoredCopyReadsBackAsTheSameDefinition() {
        String stored = QuestionnaireLoader.toYaml(INTAKE);
        assertThat(QuestionnaireLoader.parse(stored, "stored")).isEqualTo(INTAKE);
    }

    @Test
    void loadsFromAStream() {
        QuestionnaireDefinition d = QuestionnaireLoader.load(
                new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)), "stream.yaml");
        assertThat(d.sectionOf("phq9.8")).get().extracting(Section::id).isEqualTo("s1");
    }

    private static QuestionnaireDefinition parse(String yaml) {
        return QuestionnaireLoader.parse(yaml, "test.yaml");
    }

    private static List<Item> itemsOf(String section) {
        return INTAKE.section(section).orElseThrow().items();
    }

    private static List<String> values(String itemId) {
        return INTAKE.optionsFor(INTAKE.item(itemId).orElseThrow()).stream().map(Option::value).toList();
    }
}
