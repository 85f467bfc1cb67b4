package app.thaw.scheduling;

import java.util.Map;

/** A closed day that can't be added as typed, with a message for each field the manager must change. */
public class ClosedDayRefused extends IllegalArgumentException {

    /** The closed-day form's fields. */
    public enum Field { DATE, REASON }

    private final Map<Field, String> problems;

    public ClosedDayRefused(Map<Field, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<Field, String> problems() {
        return problems;
    }
}
