package app.thaw.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.StepCheck;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.domain.EncryptedColumns.DraftAnswers;
import app.thaw.intake.questionnaire.Answers;

/**
 * Under 18: refused and nothing kept. After the refusal no row anywhere in the database holds the typed name, email
 * or phone (every text and JSON column is searched, and every remaining draft is decrypted and searched too), the
 * resume link finds nothing, and the audit log holds only that a refusal happened.
 */
@IntegrationTest
class UnderAgeRefusalIT {

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DraftAnswers draftAnswers;

    @Test
    void continuingWithADateOfBirthUnder18DeletesTheFormAndEverythingTypedInIt() {
        String name = "Zephyrine Quillfeather" + System.nanoTime();
        String email = "zq" + System.nanoTime() + "@example.org";
        String phone = "07700 9" + String.format("%05d", System.nanoTime() % 100_000);
        long refusalsBefore = refusals();
        String token = intake.startDraft(null, IntakeInputAbuseIT.address()).orElseThrow().token();
        Answers typed = IntakeFixtures.completeAnswers(name).with("about.email", email).with("about.phone", phone)
                .with("about.date_of_birth", "14/03/" + (LocalDate.now().getYear() - 16));
        assertThat(intake.saveAnswers(token, typed.asMap(), "about")).isTrue();
        assertThat(rowsHolding(name)).as("saved while typing").isNotEmpty();

        // asked first, with nothing deleted: the date may be a mistyped year
        assertThat(intake.continueFrom(token, "about", typed, false)).isInstanceOf(StepCheck.AgeToConfirm.class);
        assertThat(rowsHolding(name)).as("kept until the date is confirmed").isNotEmpty();
        assertThat(intake.continueFrom(token, "about", typed, true)).isInstanceOf(StepCheck.UnderAge.class);

        for (String typedWord : List.of(name, email, phone)) {
            assertThat(rowsHolding(typedWord)).as(typedWord).isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from intake_draft where token_hash = ?", Long.class,
                SecretToken.hash(token))).isZero();
        assertThat(intake.resumeDraft(token)).isEmpty();
        assertThat(intake.saveAnswers(token, Map.of("about.full_name", List.of(name)), "about")).isFalse();
        assertThat(refusals()).isEqualTo(refusalsBefore + 1);
        assertThat(jdbc.queryForMap("select intake_id, case_reference, detail, actor_id from audit_entry "
                + "where action = 'INTAKE_REFUSED_UNDER_18' order by id desc limit 1"))
                .allSatisfy((column, value) -> assertThat(value).as(column).isNull());
    }

    @Test
    void aFormSentWithADateOfBirthUnder18IsRefusedAndDeletedToo() {
        String name = "Oriel Underwood" + System.nanoTime();
        String token = intake.startDraft(null, IntakeInputAbuseIT.address()).orElseThrow().token();
        intake.saveAnswers(token, IntakeFixtures.completeAnswers(name)
                .with("about.date_of_birth", LocalDate.now().minusYears(17).toString()).asMap(), "consent");

        assertThat(intake.submit(token, IntakeInputAbuseIT.address(), false))
                .isInstanceOf(SubmissionOutcome.UnderAge.class);

        assertThat(rowsHolding(name)).isEmpty();
        assertThat(intake.resumeDraft(token)).isEmpty();
    }

    /** Every "table.column" whose text holds the word, plus any remaining draft whose decrypted answers do. */
    private List<String> rowsHolding(String word) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                 where table_schema = current_schema()
                   and data_type in ('text', 'character varying', 'character', 'jsonb', 'json')""");
        var found = new java.util.ArrayList<String>();
        for (var column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            Long hits = jdbc.queryForObject("select count(*) from \"" + table + "\" where \"" + name
                    + "\"::text like ?", Long.class, "%" + word + "%");
            if (hits != null && hits > 0) {
                found.add(table + "." + name);
            }
        }
        jdbc.queryForList("select answers::text from intake_draft", String.class).stream()
                .map(draftAnswers::convertToEntityAttribute).filter(answers -> answers.contains(word))
                .forEach(answers -> found.add("intake_draft.answers (decrypted)"));
        return found;
    }

    private long refusals() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'INTAKE_REFUSED_UNDER_18'",
                Long.class);
    }
}
