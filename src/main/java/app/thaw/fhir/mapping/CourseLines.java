package app.thaw.fhir.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.thaw.base.PracticeTime;
import app.thaw.intake.questionnaire.Score;

/**
 * A client's scores as a course in words, one line per measure ("PHQ-9 (low mood): 7 (1 Oct 2026, intake) → 13
 * (1 Dec 2026)"), then the course's state: what a receiving clinician reads first in a transfer of care.
 */
final class CourseLines {

    private CourseLines() {
    }

    static List<String> of(ClientCase clientCase) {
        // by label: the intake's numbness items and the repeat's "feelings" measure are one course
        Map<String, List<String>> courses = new LinkedHashMap<>();
        for (AnsweredQuestionnaire answered : clientCase.responses()) {
            for (Score score : answered.scores()) {
                if (score.answered() == 0) {
                    continue;
                }
                String when = PracticeTime.DATE.format(answered.authored())
                        + (answered.key().equals("intake") ? ", intake" : "");
                courses.computeIfAbsent(score.label(), label -> new ArrayList<>())
                        .add(score.total() + (score.band() == null ? "" : " " + score.band()) + " (" + when + ")");
            }
        }
        List<String> lines = new ArrayList<>();
        courses.forEach((label, points) -> lines.add(label + ": " + String.join(" → ", points)));
        if (!clientCase.outcome().isBlank()) {
            lines.add("Course of therapy (NHS Talking Therapies, PHQ-9 and GAD-7): " + clientCase.outcome());
        }
        return lines;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
