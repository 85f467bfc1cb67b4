package app.thaw.bench.jmh;

import java.time.LocalDate;
import java.util.Random;

import app.thaw.bench.data.IntakeAnswers;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;

/** A fixed set of generated intakes (the bench generator's, so they pass the real validator), to rotate through. */
final class SampleIntakes {

    static final int COUNT = 64;

    private SampleIntakes() {
    }

    static Answers[] of(QuestionnaireDefinition definition) {
        var generator = new IntakeAnswers(definition, LocalDate.now());
        var random = new Random(42);
        Answers[] answers = new Answers[COUNT];
        for (int i = 0; i < COUNT; i++) {
            boolean couples = i % 3 == 0;
            answers[i] = generator.answers(new IntakeAnswers.Profile(IntakeAnswers.randomName(random), couples,
                    couples || i % 2 == 0, i % 10 == 0 ? IntakeAnswers.Risk.PHQ9_ITEM9 : IntakeAnswers.Risk.NONE), i, random);
        }
        return answers;
    }
}
