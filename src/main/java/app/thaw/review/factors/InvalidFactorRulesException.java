package app.thaw.review.factors;

import java.util.List;

/** A factor rule set that cannot be used; the message lists every problem found. */
public class InvalidFactorRulesException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidFactorRulesException(String source, List<String> problems) {
        super(format(source, problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidFactorRulesException(String source, String problem, Throwable cause) {
        super(format(source, List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        String heading = "Factor rules " + source + " are invalid ("
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):";
        return heading + "\n - " + String.join("\n - ", problems);
    }
}
