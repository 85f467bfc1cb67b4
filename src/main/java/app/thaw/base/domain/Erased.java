package app.thaw.base.domain;

import org.jspecify.annotations.Nullable;

/**
 * What is left where an erased client's identifying details or free text used to be. Free-text columns hold
 * NULL after erasure (nothing to decrypt, nothing to leak); readers show this marker in its place.
 */
public final class Erased {

    public static final String MARKER = "[erased]";

    private Erased() {
    }

    /** The stored text, or the marker where erasure left NULL. */
    public static String orMarker(@Nullable String stored) {
        return stored == null ? MARKER : stored;
    }
}
