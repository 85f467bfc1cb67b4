package app.thaw.base.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A definition the practice keeps as data (questionnaire, factor rules) that cannot be used; lists every problem. */
public class InvalidDefinitionException extends RuntimeException {

    private final transient List<String> problems;

    protected InvalidDefinitionException(String what, String source, List<String> problems, @Nullable Throwable cause) {
        super(format(what, source, problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String what, String source, List<String> problems) {
        return what + " " + source + " cannot be used (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n - " + String.join("\n - ", problems);
    }
}
