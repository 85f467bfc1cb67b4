package app.thaw.intake.questionnaire;

import java.util.List;

/** Show an item only when the answer to an earlier item (any value, for multi-choice) is in {@code anyOf}. */
public record Condition(String item, List<String> anyOf) {

    public Condition {
        anyOf = Copies.list(anyOf);
    }
}
