package app.thaw.intake.questionnaire;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** One page of the questionnaire wizard. */
public record Section(String id, String title, @Nullable String intro, List<Item> items) {

    public Section {
        items = Copies.list(items);
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
