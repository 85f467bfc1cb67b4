package app.thaw.review;

import org.jspecify.annotations.Nullable;

/** How often therapists agreed with one tag's suggestions, so the practice can tune the rules. */
public record TagAgreement(String tagId, String label, long suggested, long confirmed, long rejected,
                           long addedByTherapists) {

    /** Share of decided suggestions that were confirmed; null before any decision. */
    public @Nullable Double agreement() {
        long decided = confirmed + rejected;
        return decided == 0 ? null : (double) confirmed / decided;
    }
}
