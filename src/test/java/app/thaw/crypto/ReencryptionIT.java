package app.thaw.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.base.crypto.EncryptedColumn;
import app.thaw.base.crypto.FieldCipher;
import app.thaw.base.crypto.FieldCipherException;
import app.thaw.base.crypto.Reencryption;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewTestData;

/** Plain text from before encryption, and values under a retired key, are brought under the active key. */
@IntegrationTest
class ReencryptionIT {

    @Autowired
    Reencryption reencryption;
    @Autowired
    FieldCipher cipher;
    @Autowired
    IntakeService intake;
    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    UserDetailsService staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void rotationReencryptsEveryColumnUnderTheNewKeyAndTheAppReadsOnAfterRotatingBack() {
        String word = ReviewTestData.uniqueWord();
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(word + " Rotated")
                .with("presenting.what_brings_you", "Rotated answer " + word));
        data.as("tom", () -> {
            caseWork.addNote(IntakeId.of(submitted.id()), "Rotated note " + word);
            caseWork.amendAnswer(IntakeId.of(submitted.id()), "about.phone", List.of("07700 900789"),
                    "Rotated reason " + word);
            return null;
        });
        String newKey = "rot" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        FieldCipher rotated = cipher.withNewActiveKey(newKey, FieldCipher.newKey());

        var changed = reencryption.reencryptAll(rotated);

        assertThat(changed.get("case_note.body")).isPositive();
        assertThat(changed.get("intake.answers")).isPositive();
        assertThat(changed.get("intake_amendment.reason")).isPositive();
        for (EncryptedColumn column : reencryption.columns()) {
            assertThat(jdbc.queryForObject("select count(*) from " + column.table() + " where "
                    + column.staleCondition(rotated), Integer.class)).as(column.table() + "." + column.column())
                    .isZero();
        }
        String note = jdbc.queryForObject("select body from case_note where intake_id = ?", String.class,
                submitted.id());
        assertThat(note).startsWith("enc:v1:" + newKey + ":");
        assertThat(rotated.decrypt(note, "case_note.body")).isEqualTo("Rotated note " + word);
        assertThatThrownBy(() -> cipher.decrypt(note, "case_note.body"))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining(newKey);
        assertThat(jdbc.queryForObject("select answers->'presenting.what_brings_you'->>0 from intake where id = ?",
                String.class, submitted.id())).startsWith("enc:v1:" + newKey + ":");

        // back to the application's key, which the shared test context keeps using
        reencryption.reencryptAll(rotated.withActiveKey(cipher.activeKeyId()));

        var detail = data.as("tom", () -> caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow());
        assertThat(detail.intake().answers().single("presenting.what_brings_you")).contains("Rotated answer " + word);
        assertThat(detail.notes()).extracting(n -> n.body()).containsExactly("Rotated note " + word);
        assertThat(detail.intake().latestAmendment("about.phone")).get()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("Rotated reason " + word));
        assertThat(jdbc.queryForObject("select key_id from encryption_pass order by id desc limit 1", String.class))
                .isEqualTo(cipher.activeKeyId());
    }

    @Test
    void plainTextLeftByEarlierRunsIsReadAsItIsAndThenEncryptedInPlace() {
        String word = ReviewTestData.uniqueWord();
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(word + " Legacy"));
        String draftToken = intake.startDraft(null, "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255))
                .orElseThrow().token();
        long tom = data.idOf("tom");
        // rows as a run before V13 left them: the guards are lifted only inside this transaction
        transactions.executeWithoutResult(status -> {
            jdbc.execute("alter table case_note drop constraint case_note_body_encrypted_ck");
            jdbc.update("insert into case_note (intake_id, author_id, body, created_at) values (?, ?, ?, now())",
                    submitted.id(), tom, "Legacy note " + word);
            jdbc.execute("alter table case_note add constraint case_note_body_encrypted_ck "
                    + "check (body like 'enc:v1:%') not valid");
            jdbc.execute("alter table intake disable trigger intake_answers_immutable");
            jdbc.update("update intake set answers = jsonb_set(answers, '{presenting.what_brings_you}', "
                    + "to_jsonb(array[?::text])) where id = ?", "Legacy answer " + word, submitted.id());
            jdbc.execute("alter table intake enable trigger intake_answers_immutable");
            jdbc.update("update intake_draft set answers = jsonb_build_object('presenting.what_helped', "
                    + "to_jsonb(array[?::text])) where token_hash = ?", "Legacy draft " + word, SecretToken.hash(draftToken));
        });

        var before = data.as("tom", () -> caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow());
        assertThat(before.notes()).extracting(n -> n.body()).containsExactly("Legacy note " + word);
        assertThat(before.intake().answers().single("presenting.what_brings_you")).contains("Legacy answer " + word);

        reencryption.reencryptAll(cipher);

        assertThat(jdbc.queryForObject("select body from case_note where intake_id = ?", String.class,
                submitted.id())).startsWith(cipher.activePrefix());
        assertThat(jdbc.queryForObject("select answers::text from intake where id = ?", String.class,
                submitted.id())).doesNotContain("Legacy answer");
        assertThat(jdbc.queryForObject("select answers::text from intake_draft where token_hash = ?", String.class,
                SecretToken.hash(draftToken))).doesNotContain("Legacy draft").contains(cipher.activePrefix());
        var after = data.as("tom", () -> caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow());
        assertThat(after.notes()).extracting(n -> n.body()).containsExactly("Legacy note " + word);
        assertThat(after.intake().answers().single("presenting.what_brings_you")).contains("Legacy answer " + word);
        assertThat(intake.resumeDraft(draftToken).orElseThrow().answers().single("presenting.what_helped"))
                .contains("Legacy draft " + word);
    }

    @Test
    void theDatabaseRefusesPlainTextInAnEncryptedColumnAndKeepsAnswersImmutable() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Guarded"));

        assertThatThrownBy(() -> jdbc.update("insert into case_note (intake_id, author_id, body, created_at) "
                + "values (?, ?, 'plain words', now())", submitted.id(), data.idOf("tom")))
                .hasMessageContaining("case_note_body_encrypted_ck");
        assertThatThrownBy(() -> jdbc.update("update intake set answers = answers || '{\"x\": [\"y\"]}' where id = ?",
                submitted.id())).hasMessageContaining("cannot be changed");
    }
}
