package app.thaw.intake.questionnaire;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import app.thaw.base.PracticeTime;

/** An answer as people read it: option labels instead of codes, UK dates, "Yes" for a ticked consent. */
public final class AnswerText {

    private static final DateTimeFormatter DATE = PracticeTime.LONG_DATE;

    private AnswerText() {
    }

    public static String describe(QuestionnaireDefinition definition, Item item, List<String> values) {
        if (values.isEmpty()) {
            return "Not answered";
        }
        if (item.kind() == ItemKind.CONSENT) {
            return values.contains("true") ? "Yes" : "No";
        }
        if (item.kind() == ItemKind.DATE) {
            LocalDate date = DateAnswers.read(values.getFirst(), "").date();
            return date == null ? values.getFirst() : date.format(DATE);
        }
        if (item.kind().hasOptions()) {
            return values.stream().map(v -> definition.option(item, v).map(Option::label).orElse(v))
                    .collect(Collectors.joining(", "));
        }
        return String.join(", ", values);
    }
}
