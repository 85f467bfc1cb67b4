package app.thaw.review.factors;

import java.util.List;

/**
 * A tag the rules suggest for one intake, with why. Advisory only: the therapist confirms or
 * rejects it, so nothing about the client is decided automatically (UK GDPR Art 22).
 *
 * @param reasons one line per rule that fired, built only from numbers, option labels and score
 *                bands, never from text the client typed
 */
public record FactorSuggestion(String tagId, String label, List<String> reasons) {

    public FactorSuggestion {
        reasons = List.copyOf(reasons);
    }
}
