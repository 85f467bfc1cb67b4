package app.thaw.intake.questionnaire;

import java.util.List;

/** A questionnaire definition that cannot be used; the message lists every problem found. */
public class InvalidQuestionnaireException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidQuestionnaireException(String source, List<String> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidQuestionnaireException(String source, String problem, Throwable cause) {
        super(format(source, List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        String heading = "Questionnaire definition " + source + " is invalid ("
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):";
        return heading + "\n - " + String.join("\n - ", problems);
    }
}
