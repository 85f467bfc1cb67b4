package app.thaw.fhir;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.fhir.mapping.AnsweredQuestionnaire;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.outcomes.MeasureCourse;
import app.thaw.outcomes.MeasureCourses;

/**
 * Each outcome measure answered before a session as an answered questionnaire (so its QuestionnaireResponse, score
 * Observations and risk Flags join the intake's), and every measure version published as a Questionnaire. Read
 * through the outcomes feature under the same grant as the rest of the case: the client's own measures only.
 */
@Component
class MeasureResponses implements ResponseSource, QuestionnaireSource {

    /** The course's answered measures and its state in the therapist's words ("" before any repeat). */
    record Course(List<AnsweredQuestionnaire> responses, String outcome) {
    }

    private final MeasureCourses courses;
    private final MeasureCatalog catalog;

    MeasureResponses(MeasureCourses courses, MeasureCatalog catalog) {
        this.courses = courses;
        this.catalog = catalog;
    }

    @Override
    public List<AnsweredQuestionnaire> responses(CaseGrant grant) {
        return course(grant).responses();
    }

    Course course(CaseGrant grant) {
        MeasureCourse course = courses.course(grant);
        List<AnsweredQuestionnaire> responses = course.repeats().stream().map(MeasureResponses::of).toList();
        return new Course(responses, responses.isEmpty() ? "" : course.outcome().summary());
    }

    /** Keyed "phq9-41": the measure and its answered set, so each repeat has its own stable resource ids. */
    private static AnsweredQuestionnaire of(MeasureCourse.Repeat repeat) {
        String key = repeat.measure().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + repeat.setId();
        return new AnsweredQuestionnaire(key, repeat.definition(), repeat.answers(), repeat.scores(), repeat.risks(),
                repeat.answeredAt(), false);
    }

    @Override
    public Collection<QuestionnaireDefinition> definitions() {
        return catalog.all();
    }
}
