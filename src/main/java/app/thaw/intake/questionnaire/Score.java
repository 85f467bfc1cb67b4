package app.thaw.intake.questionnaire;

import org.jspecify.annotations.Nullable;

/**
 * One computed total.
 *
 * @param answered  visible items that have a valid answer
 * @param itemCount items the score is defined over, hidden ones included
 * @param band      label of the band holding {@code total}; null when the score has no bands
 */
public record Score(String id, String label, int total, int max, int answered, int itemCount, @Nullable String band) {

    /** True when every item of the score was answered, so the total can be read at face value. */
    public boolean complete() {
        return answered == itemCount;
    }
}
