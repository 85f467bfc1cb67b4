package app.thaw.intake.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The draft save that must encrypt in Java before its SQL merge, so it cannot be a plain query method. */
public interface DraftAnswerMerge {

    /**
     * Merges the changed answers (item id → values, JSON; an empty list clears one) into the stored ones,
     * so concurrent saves from two tabs both survive. Free-text values are encrypted first.
     */
    int mergeAnswers(String tokenHash, String patch, @Nullable String section, Instant now, Instant expiresAt);
}
