package app.thaw.outcomes;

import java.time.Instant;
import java.util.List;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.Score;

/**
 * One client's course of measures as another clinical system receives it: every measure answered before a session
 * (the intake's own answers are the intake's), oldest first, and the course's state as the therapist's chart shows
 * it. Clinical content; never the partner's.
 */
public record MeasureCourse(List<Repeat> repeats, TalkingTherapiesOutcome outcome) {

    public MeasureCourse {
        repeats = List.copyOf(repeats);
    }

    /**
     * One measure of one answered set, read against the version it was asked in.
     *
     * @param setId the answered set's number, the same for every measure answered together
     */
    public record Repeat(long setId, Instant answeredAt, Measure measure, QuestionnaireDefinition definition,
                         Answers answers, List<Score> scores, List<RiskFlag> risks) {

        public Repeat {
            scores = List.copyOf(scores);
            risks = List.copyOf(risks);
        }
    }
}
