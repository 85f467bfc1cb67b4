package app.thaw.abuse;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.IntegrationTest;
import app.thaw.base.crypto.FieldCipher;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.domain.EncryptedColumns.IntakeAnswers;
import app.thaw.intake.questionnaire.Answers;

/**
 * Hostile answers sent straight to the client's service, as a forged request could: every one is kept as typed
 * (NFC-normalised, control characters removed) or refused with a message beside its field; no intake is lost,
 * doubled or half made, and nothing is ever cut.
 */
@IntegrationTest
class IntakeInputAbuseIT {

    private static final String NAME = "about.full_name";
    private static final String STORY = "presenting.what_brings_you";

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    IntakeAnswers storedAnswers;

    @Test
    void everyHostileButStorableTextIsKeptAsTypedInTheIntake() {
        HostileText.STORED_AS_TYPED.forEach((what, typed) -> {
            // NFC is the one change: a decomposed é is kept as the single character é
            String text = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFC);
            long before = intakes();
            String token = draft(IntakeFixtures.completeAnswers(typed + " Client").with(STORY, typed + "\n" + typed));

            var outcome = intake.submit(token, address(), false);

            assertThat(outcome).as(what).isInstanceOf(SubmissionOutcome.Submitted.class);
            String reference = ((SubmissionOutcome.Submitted) outcome).receipt().reference();
            Map<String, List<String>> stored = answers(reference);
            assertThat(stored.get(NAME)).as(what).containsExactly(text + " Client");
            assertThat(stored.get(STORY)).as(what).containsExactly(text + "\n" + text);
            assertThat(jdbc.queryForObject("select full_name from intake where reference = ?", String.class,
                    reference)).as(what).isEqualTo((text + " Client").strip());
            assertThat(intakes()).as(what).isEqualTo(before + 1);
        });
    }

    @Test
    void controlCharactersAndBrokenHalvesAreTakenOutAndTheRestIsSent() {
        HostileText.UNSTORABLE.forEach((what, text) -> {
            long before = intakes();
            String token = draft(IntakeFixtures.completeAnswers("Sam Clean"));

            assertThat(intake.saveAnswers(token, Map.of(NAME, List.of(text), STORY, List.of(text)), "about"))
                    .as(what).isTrue();
            String kept = HostileText.CLEANED.get(what);
            assertThat(intake.resumeDraft(token).orElseThrow().answers().single(NAME)).as(what).contains(kept);
            assertThat(intake.validateSection("about", IntakeFixtures.completeAnswers(text))).as(what).isEmpty();

            var outcome = (SubmissionOutcome.Submitted) intake.submit(token, address(), false);
            assertThat(answers(outcome.receipt().reference()).get(NAME)).as(what).containsExactly(kept);
            assertThat(intakes()).as(what).isEqualTo(before + 1);
        });
    }

    @Test
    void directionOverridesAreTakenOutSoStaffSeeTheNameAsStoredAndFindIt() {
        HostileText.DIRECTION_OVERRIDES.forEach((typed, kept) -> {
            String token = draft(IntakeFixtures.completeAnswers(typed).with(STORY, typed + "\n" + typed));

            var outcome = (SubmissionOutcome.Submitted) intake.submit(token, address(), false);

            String reference = outcome.receipt().reference();
            assertThat(answers(reference).get(NAME)).as(typed).containsExactly(kept);
            assertThat(answers(reference).get(STORY)).as(typed).containsExactly(kept + "\n" + kept);
            assertThat(jdbc.queryForObject("select full_name from intake where reference = ?", String.class,
                    reference)).as(typed).isEqualTo(kept);
        });
    }

    @Test
    void aMegabyteInEveryFieldIsNeitherSavedNorSentAndTheFieldSaysHowLongItMayBe() {
        long before = intakes();
        String token = draft(IntakeFixtures.completeAnswers("Lee Long"));
        Map<String, List<String>> huge = new LinkedHashMap<>();
        intake.questionnaire().items().forEach(item -> huge.put(item.id(), List.of(HostileText.MEGABYTE)));

        assertThat(intake.saveAnswers(token, huge, HostileText.MEGABYTE)).isTrue();

        assertThat(draftSize(token)).isLessThan(20_000);
        assertThat(intake.resumeDraft(token).orElseThrow().answers().single(NAME)).contains("Lee Long");
        var errors = intake.validateSection("about", IntakeFixtures.completeAnswers(HostileText.MEGABYTE));
        assertThat(errors.get(NAME))
                .isEqualTo("Please shorten this to 200 characters or fewer — it has 1,048,576 (1,048,376 too many)");
        assertThat(intake.submit(token, address(), false)).isInstanceOf(SubmissionOutcome.Submitted.class);
        assertThat(intakes()).isEqualTo(before + 1);
    }

    @Test
    void inventedQuestionsAndThousandsOfChoicesNeverReachTheDraft() {
        String token = draft(IntakeFixtures.completeAnswers("Kit Extra"));
        Map<String, List<String>> forged = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            forged.put("x." + i + "'); drop table intake; --", List.of("<script>window.__pwned=1</script>"));
        }
        forged.put("presenting.duration", java.util.Collections.nCopies(10_000, "6_12m"));

        assertThat(intake.saveAnswers(token, forged, "no-such-section")).isTrue();

        assertThat(draftSize(token)).isLessThan(20_000);
        var answers = intake.resumeDraft(token).orElseThrow();
        assertThat(answers.answers().asMap()).doesNotContainKey("x.0'); drop table intake; --");
        assertThat(answers.answers().multi("presenting.duration")).containsExactly("6_12m");
        assertThat(answers.currentSection()).isEqualTo("consent");
    }

    @Test
    void aHiddenQuestionAnsweredByAForgedRequestIsNotSent() {
        String token = draft(IntakeFixtures.completeAnswers("Ash Hidden")
                .with("relationship.length", "<img src=x onerror=alert(1)>"));

        var outcome = (SubmissionOutcome.Submitted) intake.submit(token, address(), false);

        assertThat(answers(outcome.receipt().reference())).doesNotContainKey("relationship.length");
    }

    private String draft(Answers answers) {
        String token = intake.startDraft(null, address()).orElseThrow().token();
        assertThat(intake.saveAnswers(token, answers.asMap(), "consent")).isTrue();
        return token;
    }

    /** The submitted answers as the application reads them; the typed ones must be ciphertext at rest (ADR 5). */
    private Map<String, List<String>> answers(String reference) {
        String stored = jdbc.queryForObject("select answers::text from intake where reference = ?", String.class,
                reference);
        assertThat(read(stored).get(NAME)).as("the typed name at rest").singleElement(as(STRING))
                .startsWith(FieldCipher.PREFIX);
        assertThat(read(stored).get(STORY)).as("the typed story at rest").singleElement(as(STRING))
                .startsWith(FieldCipher.PREFIX);
        return read(storedAnswers.convertToEntityAttribute(stored));
    }

    private Map<String, List<String>> read(String answersJson) {
        return json.readValue(answersJson, new TypeReference<Map<String, List<String>>>() {
        });
    }

    private long draftSize(String token) {
        return jdbc.queryForObject("select octet_length(answers::text) from intake_draft where token_hash = ?",
                Long.class, app.thaw.base.domain.SecretToken.hash(token));
    }

    private long intakes() {
        return jdbc.queryForObject("select count(*) from intake", Long.class);
    }

    /** Each test its own address, so the per-address limit on the public form never decides the outcome. */
    static String address() {
        var random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(256);
    }
}
