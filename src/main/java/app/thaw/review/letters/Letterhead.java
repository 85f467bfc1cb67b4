package app.thaw.review.letters;

import java.util.List;
import java.util.Objects;

/** The practice's details printed at the top of every letter; phone and email may be null. */
public record Letterhead(String practiceName, List<String> addressLines, String phone, String email) {

    public Letterhead {
        Objects.requireNonNull(practiceName, "practiceName");
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
