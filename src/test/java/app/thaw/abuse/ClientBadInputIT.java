package app.thaw.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.StepCheck;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.domain.EncryptedColumns.IntakeAnswers;
import app.thaw.intake.questionnaire.Answers;

/**
 * Each kind of bad input a client really types or pastes, as a table: what they see at the question when they
 * press "Save and continue", and what is stored. An accepted answer is followed all the way into the sent intake;
 * a refused one keeps the client on the step, with the last answer that could be kept in the draft, never a cut one.
 */
@IntegrationTest
class ClientBadInputIT {

    private static final String LONG = "I can't cry. ".repeat(400).substring(0, 4000);
    private static final String PREVIOUS = "What I wrote before pasting";
    private static final int NEXT_YEAR = LocalDate.now().getYear() + 1;
    private static final int SIXTEEN_YEARS_AGO = LocalDate.now().getYear() - 16;

    /**
     * @param seen   the message at the question (null: accepted, the client moves on)
     * @param stored for an accepted answer, what the sent intake keeps; for a refused one, what the draft keeps
     *               (null: no answer at all)
     */
    record Row(String what, String item, String typed, @Nullable String seen, @Nullable String stored) {

        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("date with slashes", "about.date_of_birth", "14/03/1986", null, "1986-03-14"),
                new Row("date with dots", "about.date_of_birth", "14.03.1986", null, "1986-03-14"),
                new Row("date with dashes", "about.date_of_birth", "14-03-1986", null, "1986-03-14"),
                new Row("date with the month's name", "about.date_of_birth", "14 March 1986", null, "1986-03-14"),
                new Row("date with the month's short name", "about.date_of_birth", "14 Mar 1986", null, "1986-03-14"),
                new Row("ISO date", "about.date_of_birth", "1986-03-14", null, "1986-03-14"),
                new Row("three boxes", "about.date_of_birth", "14/March/1986", null, "1986-03-14"),
                new Row("no such day", "about.date_of_birth", "31/02/1986",
                        "Your date of birth must be a real date — 31 February doesn't exist", "31/02/1986"),
                new Row("month box left empty", "about.date_of_birth", "14//1986",
                        "Your date of birth must include a month", "14//1986"),
                new Row("month first, American style", "about.date_of_birth", "03/14/1986",
                        "Your date of birth must be a real date — there's no month 14. Please put the day first, "
                                + "for example 14/3/1986", "03/14/1986"),
                new Row("two-digit year", "about.date_of_birth", "14/3/86",
                        "Please write the year in full, for example 1986", "14/3/86"),
                new Row("words, not a date", "about.date_of_birth", "my birthday",
                        "Your date of birth must be a real date, written as day, month and year — for example "
                                + "14 3 1986 or 14 March 1986", "my birthday"),
                new Row("born in the future", "about.date_of_birth", "1/1/" + NEXT_YEAR,
                        "Your date of birth can't be in the future — please check it", "1/1/" + NEXT_YEAR),
                new Row("pasted past the limit", "presenting.what_brings_you", LONG + "!",
                        "Please shorten this to 4,000 characters or fewer — it has 4,001 (1 too many)", PREVIOUS),
                new Row("exactly at the limit", "presenting.what_brings_you", LONG, null, LONG),
                new Row("only spaces and line breaks", "presenting.what_brings_you", "   \n\t  ",
                        "Please tell us a little about what has brought you here — a sentence or two is fine", null),
                new Row("only zero-width characters", "presenting.what_brings_you", "\u200B\u200C\u200D\u2060\uFEFF",
                        "Please tell us a little about what has brought you here — a sentence or two is fine", null),
                new Row("only invisible fillers", "about.full_name", "\u3164\u2800\u00A0\u034F",
                        "Please tell us your full name", null),
                new Row("control characters in a paste", "presenting.what_brings_you", "I can't\u0000 cry\u0007",
                        null, "I can't cry"),
                new Row("Windows line breaks", "presenting.what_brings_you", "One\r\nTwo", null, "One\nTwo"),
                new Row("decomposed accent", "about.full_name", "E\u0301lodie Marchand", null, "Élodie Marchand"),
                new Row("right-to-left with marks", "about.full_name", "\u200Fדנה כהן\u200E", null,
                        "\u200Fדנה כהן\u200E"),
                new Row("Arabic and emoji", "presenting.what_brings_you", "لا أستطيع البكاء 😶‍🌫️ 👩‍👩‍👧", null,
                        "لا أستطيع البكاء 😶‍🌫️ 👩‍👩‍👧"),
                new Row("CJK", "about.full_name", "李小龍", null, "李小龍"),
                new Row("not an email address", "about.email", "sam.example.com",
                        "This doesn't look like an email address — please check it", "sam.example.com"),
                new Row("name on two lines", "about.full_name", "Sam\nTaylor", "Please keep this to a single line",
                        "Sam\nTaylor"));
    }

    @Autowired
    IntakeService intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    IntakeAnswers storedAnswers;

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void whatTheClientSeesAndWhatIsStored(Row row) {
        String address = IntakeInputAbuseIT.address();
        String token = intake.startDraft(null, address).orElseThrow().token();
        Answers before = IntakeFixtures.completeAnswers("Pat Table").with("presenting.what_brings_you", PREVIOUS);
        intake.saveAnswers(token, before.asMap(), "consent");
        Answers typed = before.with(row.item(), row.typed());
        intake.saveAnswers(token, Map.of(row.item(), List.of(row.typed())), null);
        String section = intake.questionnaire().sectionOf(row.item()).orElseThrow().id();

        StepCheck check = intake.continueFrom(token, section, typed, false);

        if (row.seen() == null) {
            assertThat(check).isInstanceOf(StepCheck.Fine.class);
            SubmissionOutcome outcome = intake.submit(token, address, false);
            assertThat(outcome).isInstanceOf(SubmissionOutcome.Submitted.class);
            String reference = ((SubmissionOutcome.Submitted) outcome).receipt().reference();
            assertThat(sent(reference).get(row.item())).containsExactly(row.stored());
        } else {
            assertThat(check).isInstanceOfSatisfying(StepCheck.Problems.class,
                    problems -> assertThat(problems.errors()).containsEntry(row.item(), row.seen()));
            var draft = intake.resumeDraft(token).orElseThrow().answers();
            if (row.stored() == null) {
                assertThat(draft.contains(row.item())).isFalse();
            } else {
                assertThat(draft.single(row.item())).contains(row.stored());
            }
        }
    }

    private Map<String, List<String>> sent(String reference) {
        String stored = jdbc.queryForObject("select answers::text from intake where reference = ?", String.class,
                reference);
        return json.readValue(storedAnswers.convertToEntityAttribute(stored),
                new TypeReference<Map<String, List<String>>>() {
                });
    }
}
