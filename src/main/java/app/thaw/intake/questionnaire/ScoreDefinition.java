package app.thaw.intake.questionnaire;

import java.util.List;
import java.util.Optional;

/** A total over the option scores of the listed items, with contiguous bands from 0 to the maximum. */
public record ScoreDefinition(String id, String label, List<String> items, List<Band> bands) {

    public ScoreDefinition {
        items = Copies.list(items);
        bands = Copies.list(bands);
    }

    public Optional<Band> bandFor(int total) {
        return bands.stream().filter(b -> b.contains(total)).findFirst();
    }
}
