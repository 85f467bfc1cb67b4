package app.thaw.intake.questionnaire;

/** An inclusive score range with its published or agreed label, e.g. 10–14 "Moderate". */
public record Band(int min, int max, String label) {

    public boolean contains(int total) {
        return total >= min && total <= max;
    }
}
