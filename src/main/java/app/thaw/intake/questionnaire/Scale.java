package app.thaw.intake.questionnaire;

import java.util.List;

/** A shared answer scale, e.g. the 4-point "over the last 2 weeks" frequency scale. */
public record Scale(String id, String stem, List<Option> options) {

    public Scale {
        options = Copies.list(options);
    }

    public int maxScore() {
        return options.stream().mapToInt(Option::score).max().orElse(0);
    }
}
