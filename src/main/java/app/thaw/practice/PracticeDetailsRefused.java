package app.thaw.practice;

import java.util.Map;

/** Practice details that cannot be saved, with a message for each field the manager must change. */
public class PracticeDetailsRefused extends RuntimeException {

    private final Map<PracticeDetailsForm.Field, String> problems;

    public PracticeDetailsRefused(Map<PracticeDetailsForm.Field, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<PracticeDetailsForm.Field, String> problems() {
        return problems;
    }
}
