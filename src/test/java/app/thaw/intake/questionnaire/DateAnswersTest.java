package app.thaw.intake.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateAnswersTest {

    private static final String SUBJECT = "Your date of birth";

    @ParameterizedTest
    @ValueSource(strings = {"14/03/1986", "14.03.1986", "14-03-1986", "14 March 1986", "14 Mar 1986", "1986-03-14",
            "14 3 1986", "14th March 1986", "March 14 1986", "14 mar. 1986", "14 MARCH 1986", "14031986",
            "１４/０３/１９８６"})
    void everyCommonWayOfWritingADateReadsTheSame(String typed) {
        assertThat(DateAnswers.read(typed, SUBJECT).date()).isEqualTo(LocalDate.of(1986, 3, 14));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''   | 3  | 1986 | Your date of birth must include a day                         | DAY
            14   | '' | ''   | Your date of birth must include a month and year              | MONTH,YEAR
            ''   | '' | 1986 | Your date of birth must include a day and month               | DAY,MONTH
            32   | 3  | 1986 | Your date of birth must be a real date — the day must be a number from 1 to 31 | DAY
            ab   | 3  | 1986 | Your date of birth must be a real date — the day must be a number from 1 to 31 | DAY
            14   | 13 | 1986 | Your date of birth must be a real date — the month must be a number from 1 to 12, or its name, for example 3 or March | MONTH
            14   | Ju | 1986 | Your date of birth must be a real date — the month must be a number from 1 to 12, or its name, for example 3 or March | MONTH
            14   | 3  | 86   | Please write the year in full, for example 1986               | YEAR
            14   | 3  | 19861 | The year must have 4 numbers, for example 1986              | YEAR
            31   | 4  | 1986 | Your date of birth must be a real date — 31 April doesn't exist | DAY,MONTH
            """)
    void eachProblemIsNamedAndItsBoxesMarked(String day, String month, String year, String message, String parts) {
        var reading = DateAnswers.fromParts(day, month, year, SUBJECT);
        assertThat(reading.date()).isNull();
        assertThat(reading.problem()).isEqualTo(message);
        assertThat(reading.wrongParts()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(parts.split(",")).map(DateAnswers.Part::valueOf).toList());
    }

    @Test
    void nothingTypedIsNoAnswerNotAProblem() {
        assertThat(DateAnswers.fromParts(" ", "", null, SUBJECT).isEmpty()).isTrue();
        assertThat(DateAnswers.join("", " ", "")).isEmpty();
    }

    @Test
    void threeBoxesAreKeptAsIsoOnceTheyMakeADateAndAsTypedBefore() {
        assertThat(DateAnswers.join("14", "March", "1986")).isEqualTo("1986-03-14");
        assertThat(DateAnswers.join("31", "2", "1986")).isEqualTo("31/2/1986");
        assertThat(DateAnswers.join("14", "", "1986")).isEqualTo("14//1986");
        assertThat(DateAnswers.split("1986-03-14")).containsExactly("14", "3", "1986");
        assertThat(DateAnswers.split("31/2/1986")).containsExactly("31", "2", "1986");
        assertThat(DateAnswers.read("14//1986", SUBJECT).problem()).isEqualTo("Your date of birth must include a month");
    }

    @Test
    void aWholeDatePastedIntoTheDayBoxIsSpreadOverTheThree() {
        assertThat(DateAnswers.join("14.03.1986", "", "")).isEqualTo("1986-03-14");
        assertThat(DateAnswers.parts("14 March 1986")).contains(List.of("14", "March", "1986"));
        assertThat(DateAnswers.parts("14")).isEmpty();
    }

    @Test
    void aMonthNameMustBeUnambiguous() {
        assertThat(DateAnswers.fromParts("1", "Sept", "1990", SUBJECT).date()).isEqualTo(LocalDate.of(1990, 9, 1));
        assertThat(DateAnswers.fromParts("1", "ma", "1990", SUBJECT).wrongParts()).isEqualTo(Set.of(DateAnswers.Part.MONTH));
    }
}
