package app.thaw.bench.jmh;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import app.thaw.intake.questionnaire.AnswerValidator;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;
import app.thaw.intake.questionnaire.ScoreReport;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.review.factors.FactorRuleLoader;
import app.thaw.review.factors.FactorRuleSet;
import app.thaw.review.factors.FactorSuggester;
import app.thaw.review.factors.FactorSuggestion;

/** The pure work of one submission: validate every answer, score, evaluate the factor rules. Per intake. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntakeBenchmarks {

    private QuestionnaireDefinition definition;
    private FactorRuleSet rules;
    private Answers[] intakes;
    private ScoreReport[] reports;
    private LocalDate today;
    private int next;

    @Setup
    public void setUp() {
        definition = QuestionnaireLoader.loadCurrent();
        rules = FactorRuleLoader.validate(FactorRuleLoader.loadClasspath("review/factor-rules-v2.yaml"), definition);
        intakes = SampleIntakes.of(definition);
        reports = new ScoreReport[intakes.length];
        for (int i = 0; i < intakes.length; i++) {
            reports[i] = Scorer.score(definition, intakes[i]);
        }
        today = LocalDate.now();
    }

    private int nextIndex() {
        next = (next + 1) % intakes.length;
        return next;
    }

    @Benchmark
    public ScoreReport scoring() {
        return Scorer.score(definition, intakes[nextIndex()]);
    }

    @Benchmark
    public List<FactorSuggestion> factorRules() {
        int i = nextIndex();
        return FactorSuggester.suggest(rules, definition, intakes[i], reports[i]);
    }

    @Benchmark
    public Map<String, String> validation() {
        return AnswerValidator.validateAll(definition, intakes[nextIndex()], today);
    }
}
