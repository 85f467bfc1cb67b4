package app.thaw.base.ids;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The one way a text (a URL parameter, a form value) becomes an id number. */
final class Ids {

    private Ids() {
    }

    static Optional<Long> parse(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 18) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.strip());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
