package app.thaw.intake.questionnaire;

import java.util.List;

/** Null-tolerant defensive copies so YAML that omits a list yields an empty list, not null. */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> source) {
        return source == null ? List.of() : List.copyOf(source);
    }
}
