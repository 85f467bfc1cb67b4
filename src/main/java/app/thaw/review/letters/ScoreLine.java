package app.thaw.review.letters;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** One screening score quoted in a letter, e.g. PHQ-9 12 of 27, "Moderate"; band may be null. */
public record ScoreLine(String measure, int total, int max, @Nullable String band) {

    public ScoreLine {
        Objects.requireNonNull(measure, "measure");
        if (max <= 0 || total < 0 || total > max) {
            throw new IllegalArgumentException("Score " + total + " / " + max + " is out of range for " + measure);
        }
    }
}
