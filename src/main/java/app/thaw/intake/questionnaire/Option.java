package app.thaw.intake.questionnaire;

/**
 * One possible answer of a choice or scale item.
 *
 * @param value     stable stored code, never shown to the client
 * @param label     what the client sees
 * @param score     points this answer adds to any score the item feeds (0 if unscored)
 * @param exclusive true for answers such as "None of these" that cannot be combined with others
 */
public record Option(String value, String label, int score, boolean exclusive) {

    public Option(String value, String label, int score) {
        this(value, label, score, false);
    }

    public Option(String value, String label) {
        this(value, label, 0, false);
    }
}
