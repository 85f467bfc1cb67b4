package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerValidatorTest {

    private static final QuestionnaireDefinition INTAKE = QuestionnaireLoader.loadIntakeV1();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final String UNDER_18 =
            "You need to be 18 or over to use this form — please contact your GP or call NHS 111 for support";

    /** A complete, valid submission from someone not in a relationship. */
    static Answers complete() {
        Answers a = Answers.empty()
                .with("about.full_name", "Sam Taylor").with("about.date_of_birth", "1990-03-27")
                .with("about.email", "sam.taylor@example.co.uk").with("about.phone", "07700 900123")
                .with("about.contact_method", "email").with("about.voicemail_ok", "no").with("about.text_ok", "yes")
                .with("presenting.what_brings_you", "I haven't cried since my dad died.\nI feel nothing.")
                .with("presenting.duration", "6_12m").with("medication.current", "no")
                .with("relationship.in_relationship", "no").with("safety.safe_now", "yes")
                .with("preferences.session_type", "individual").with("preferences.format", "online")
                .with("preferences.days", "monday", "thursday")
                .with("consent.privacy", "true").with("consent.contact", "true").with("consent.age18", "true");
        for (Item item : INTAKE.items()) {
            if (item.kind() == ItemKind.SCALE && item.showIf() == null) {
                a = a.with(item.id(), "1");
            }
        }
        return a;
    }

    private static Map<String, String> all(Answers answers) {
        return AnswerValidator.validateAll(INTAKE, answers, TODAY);
    }

    private static String errorFor(String itemId, String value) {
        return all(complete().with(itemId, value)).get(itemId);
    }

    @Test
    void aCompleteSubmissionHasNoErrors() {
        assertThat(all(complete())).isEmpty();
    }

    @Test
    void requiredItemsEachGetTheirOwnMessage() {
        Map<String, String> errors = AnswerValidator.validate(INTAKE, INTAKE.section("about").orElseThrow(),
                Answers.empty(), TODAY);
        assertThat(errors).containsExactly(
                entry("about.full_name", "Please tell us your full name"),
                entry("about.date_of_birth", "Please tell us your date of birth"),
                entry("about.email", "Please tell us your email address"),
                entry("about.phone", "Please tell us a phone number we can reach you on"),
                entry("about.contact_method", "Please choose how you'd like us to contact you"),
                entry("about.voicemail_ok", "Please choose an answer"),
                entry("about.text_ok", "Please choose an answer"));
    }

    @Test
    void blankTextCountsAsMissing() {
        assertThat(errorFor("about.full_name", "   \t ")).isEqualTo("Please tell us your full name");
    }

    @Test
    void validateOnlyReportsTheGivenSection() {
        Map<String, String> errors = AnswerValidator.validate(INTAKE, INTAKE.section("consent").orElseThrow(),
                Answers.empty(), TODAY);
        assertThat(errors).containsOnlyKeys("consent.privacy", "consent.contact", "consent.age18");
        assertThat(all(Answers.empty())).containsKeys("about.full_name", "phq9.9", "safety.safe_now", "consent.age18")
                .doesNotContainKeys("about.preferred_name", "relationship.length", "safety.partner_fear");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "yes", "TRUE"})
    void requiredConsentMustBeTicked(String value) {
        assertThat(errorFor("consent.age18", value)).isEqualTo("Please confirm that you are 18 or over");
        assertThat(all(complete().without("consent.privacy"))).containsEntry("consent.privacy",
                "We can only accept your form with your consent — please tick this box to continue");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sam@example.com", "sam.o'neill+thaw@mail.example.co.uk", "  sam@example.com ",
            "zoë@例え.jp", "a@b.io"})
    void plausibleEmailsAreAccepted(String email) {
        assertThat(errorFor("about.email", email)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sam", "sam@", "@example.com", "sam@example", "sam@@example.com", "sam@exa mple.com",
            "sam example@example.com", ".sam@example.com", "sam..t@example.com", "sam@-example.com",
            "sam@example.c", "sam@example.com.", "sam@example..com", "sam@example.123"})
    void implausibleEmailsAreRefused(String email) {
        assertThat(errorFor("about.email", email))
                .isEqualTo("This doesn't look like an email address — please check it");
    }

    @Test
    void emailsOver254CharactersAreRefusedWithTheCount() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".uk";
        assertThat(email).hasSize(255);
        assertThat(errorFor("about.email", email)).isEqualTo("Please shorten this to 254 characters or fewer — it has 255 (1 too many)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "07700-900-123", "+44 7700 900123", "+447700900123",
            "+44 (0)7700 900123", "0044 7700 900123", "(0161) 496 0000", "0161 496 0000", "020 7946 0000",
            "0300 123 1234", "016977 3456", " 07700 900123 "})
    void ukPhoneNumbersAreAccepted(String phone) {
        assertThat(errorFor("about.phone", phone)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0800 123 4567", "0845 123 4567", "+1 212 555 0100", "+33 1 23 45 67 89",
            "7700 900123", "0770090012", "077009001234", "07700 90O123", "999", "+44 7700 900123 ext 2",
            "++44 7700 900123", "020 7946 000", "07700.900.123"})
    void otherNumbersAreRefused(String phone) {
        assertThat(errorFor("about.phone", phone)).isEqualTo("Please enter a UK phone number, for example 07700 900123");
    }

    @Test
    void eighteenthBirthdayTodayIsOldEnoughButTheDayBeforeIsNot() {
        assertThat(errorFor("about.date_of_birth", "2008-11-20")).isNull();
        assertThat(errorFor("about.date_of_birth", "2008-11-21")).isEqualTo(UNDER_18);
    }

    @ParameterizedTest(name = "born {0}, today {1}: adult {2}")
    @CsvSource({
            "2008-02-29, 2026-02-28, false",
            "2008-02-29, 2026-03-01, true",
            "2004-02-29, 2022-02-28, false",
            "2004-02-29, 2022-03-01, true",
            "2010-02-28, 2028-02-28, true",
            "2010-03-01, 2028-02-29, false"})
    void leapDayBirthdaysComeOfAgeOnTheFirstOfMarch(String born, String today, boolean adult) {
        Map<String, String> errors = AnswerValidator.validateAll(INTAKE,
                complete().with("about.date_of_birth", born), LocalDate.parse(today));
        assertThat(errors.get("about.date_of_birth")).isEqualTo(adult ? null : UNDER_18);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-21 | Your date of birth can't be in the future — please check it
            2026-11-20 | You need to be 18 or over to use this form — please contact your GP or call NHS 111 for support
            1905-11-19 | Please check the year — this date of birth would make you over 120
            1990-02-30 | Your date of birth must be a real date — 30 February doesn't exist
            2010-02-29 | Your date of birth must be a real date — 29 February 2010 doesn't exist
            90-01-01   | Your date of birth must be a real date — the day must be a number from 1 to 31
            14/3/86    | Please write the year in full, for example 1986
            03/14/1986 | Your date of birth must be a real date — there's no month 14. Please put the day first, for example 14/3/1986
            14//1986   | Your date of birth must include a month
            yesterday  | Your date of birth must be a real date, written as day, month and year — for example 14 3 1986 or 14 March 1986
            """)
    void implausibleDatesOfBirthAreRefused(String dob, String message) {
        assertThat(errorFor("about.date_of_birth", dob)).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"14/03/1986", "14.03.1986", "14-03-1986", "14 March 1986", "14 Mar 1986", "1986-03-14",
            "14 3 1986", "14th March 1986", "March 14, 1986", "14/march/1986", "14031986", " 14 / 3 / 1986 "})
    void datesOfBirthAreReadAsUkPeopleWriteThem(String typed) {
        assertThat(errorFor("about.date_of_birth", typed)).isNull();
        assertThat(AnswerValidator.isUnderAge(INTAKE, complete().with("about.date_of_birth", typed), TODAY)).isFalse();
    }

    @Test
    void underAgeIsOnlyARealDateThatMakesTheClientYoungerThan18() {
        assertThat(AnswerValidator.isUnderAge(INTAKE, complete().with("about.date_of_birth", "21/11/2008"), TODAY))
                .isTrue();
        assertThat(AnswerValidator.isUnderAge(INTAKE, complete().with("about.date_of_birth", "20/11/2008"), TODAY))
                .isFalse();
        assertThat(AnswerValidator.isUnderAge(INTAKE, complete().with("about.date_of_birth", "2030-01-01"), TODAY))
                .as("a future date is a typing slip, not a child").isFalse();
        assertThat(AnswerValidator.isUnderAge(INTAKE, complete().with("about.date_of_birth", "31/02/2015"), TODAY))
                .as("not a real date").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\u200B\u200B", "\u00A0\u2003", "\uFEFF", "\u200D\u200C\u2060", "\u3164",
            "\u2800", "\t\n", "\u202E\u202C", "\u034F", "\uDB40\uDC20"})
    void invisibleAnswersDoNotAnswerARequiredQuestion(String invisible) {
        assertThat(errorFor("presenting.what_brings_you", invisible))
                .isEqualTo("Please tell us a little about what has brought you here — a sentence or two is fine");
        assertThat(errorFor("about.full_name", invisible)).isEqualTo("Please tell us your full name");
    }

    @Test
    void someoneAged120IsStillAccepted() {
        assertThat(errorFor("about.date_of_birth", "1906-11-20")).isNull();
    }

    @Test
    void hiddenRequiredItemsAreNotRequired() {
        Answers single = complete();
        assertThat(all(single)).doesNotContainKeys("relationship.length", "relationship.misunderstood",
                "safety.partner_fear");
        Map<String, String> partnered = all(single.with("relationship.in_relationship", "yes"));
        assertThat(partnered).containsEntry("relationship.length", "Please choose an answer")
                .containsEntry("relationship.misunderstood", "Please choose an answer")
                .containsEntry("safety.partner_fear", "Please choose an answer");
    }

    @Test
    void answersToHiddenItemsAreIgnored() {
        Answers answers = complete().with("medication.details", "bad\u0000value")
                .with("relationship.length", "forever");
        assertThat(all(answers)).isEmpty();
        assertThat(all(answers.with("medication.current", "yes"))).containsOnlyKeys("medication.details");
    }

    @Test
    void conditionsOnAHiddenItemAreNotMet() {
        // partner_fear_detail depends on partner_fear, which is hidden when not in a relationship.
        Answers answers = complete().with("safety.partner_fear", "yes").with("safety.partner_fear_detail", "x\u0007");
        assertThat(Visibility.of(INTAKE).isVisible("safety.partner_fear_detail", answers)).isFalse();
        assertThat(all(answers)).isEmpty();
        assertThat(all(answers.with("relationship.in_relationship", "yes").with("relationship.length", "1_5y")))
                .containsEntry("safety.partner_fear_detail",
                        "This contains a hidden character we can't store — please retype it rather than pasting it");
    }

    @ParameterizedTest
    @CsvSource({
            "about.contact_method, carrier_pigeon", "presenting.duration, forever", "phq9.1, 4",
            "suppression.stay_strong, -1", "preferences.days, sunday", "safety.safe_now, Yes"})
    void tamperedOptionValuesAreRefused(String itemId, String value) {
        assertThat(errorFor(itemId, value)).isEqualTo("Please choose one of the options shown");
    }

    @Test
    void multiChoiceRulesAreEnforced() {
        assertThat(all(complete().with("preferences.days", "monday", "monday")))
                .containsEntry("preferences.days", "Please choose each option only once");
        assertThat(all(complete().with("medication.hormonal", "none", "thyroid"))).containsEntry("medication.hormonal",
                "‘None of these’ can't be chosen together with other options — please choose one or the other");
        assertThat(all(complete().with("medication.hormonal", "thyroid", "other"))).isEmpty();
        assertThat(all(complete().with("safety.safe_now", "yes", "no")))
                .containsEntry("safety.safe_now", "Please give just one answer here");
    }

    @Test
    void oversizeTextIsRefusedWithBothCounts() {
        assertThat(errorFor("about.full_name", "x".repeat(201)))
                .isEqualTo("Please shorten this to 200 characters or fewer — it has 201 (1 too many)");
        assertThat(errorFor("presenting.what_brings_you", "x".repeat(4312)))
                .isEqualTo("Please shorten this to 4,000 characters or fewer — it has 4,312 (312 too many)");
        assertThat(errorFor("presenting.what_brings_you", "x".repeat(4000))).isNull();
        Answers onMedication = complete().with("medication.current", "yes")
                .with("medication.details", "y".repeat(2345));
        assertThat(all(onMedication)).containsEntry("medication.details",
                "Please shorten this to 1,000 characters or fewer — it has 2,345 (1,345 too many)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë O'Brien-Ng 🌸", "مريم الحسن", "\u200Fדנה כהן\u200E (Dana)", "Łukasz Żółć",
            "👩\u200D👩\u200D👧 family", "李小龍", "e\u0301lodie"})
    void internationalEmojiAndRightToLeftTextIsAcceptedAsTyped(String name) {
        Answers answers = complete().with("about.full_name", name);
        assertThat(all(answers)).isEmpty();
        assertThat(answers.single("about.full_name")).contains(name);
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String flowers = "🌸".repeat(200);
        assertThat(flowers).hasSize(400);
        assertThat(errorFor("about.full_name", flowers)).isNull();
        assertThat(errorFor("about.full_name", flowers + "🌸"))
                .isEqualTo("Please shorten this to 200 characters or fewer — it has 201 (1 too many)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sam\u0000", "Sam\u0007Taylor", "\u001B[31mSam", "Sam\u007F", "Sam\u0085", "Sam\uD83C"})
    void controlCharactersAndBrokenCharactersAreRefused(String name) {
        assertThat(errorFor("about.full_name", name))
                .isEqualTo("This contains a hidden character we can't store — please retype it rather than pasting it");
    }

    @Test
    void lineBreaksAndTabsAreFineInLongTextButNotInOneLineFields() {
        assertThat(errorFor("presenting.what_brings_you", "First line\r\nSecond\tline\n\nThird")).isNull();
        assertThat(errorFor("about.full_name", "Sam\nTaylor")).isEqualTo("Please keep this to a single line");
        assertThat(errorFor("about.email", "sam@example.com\n")).isEqualTo("Please keep this to a single line");
    }

    @Test
    void validateItemChecksOneFieldAndSkipsHiddenOnes() {
        Item email = INTAKE.item("about.email").orElseThrow();
        Item length = INTAKE.item("relationship.length").orElseThrow();
        assertThat(AnswerValidator.validateItem(INTAKE, email, Answers.empty().with("about.email", "nope"), TODAY))
                .contains("This doesn't look like an email address — please check it");
        assertThat(AnswerValidator.validateItem(INTAKE, length, Answers.empty(), TODAY)).isEmpty();
        assertThat(AnswerValidator.validateItem(INTAKE, length,
                Answers.empty().with("relationship.in_relationship", "yes"), TODAY)).contains("Please choose an answer");
    }
}
