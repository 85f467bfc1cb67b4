package app.thaw.security;

import org.jspecify.annotations.Nullable;

/** What a password link is worth right now, and whose it is when it still works. */
public record LinkCheck(State state, @Nullable LinkPurpose purpose, @Nullable String displayName,
                        @Nullable String username) {

    public enum State { VALID, EXPIRED, USED, REPLACED, UNKNOWN }

    static LinkCheck refused(State state, @Nullable LinkPurpose purpose) {
        return new LinkCheck(state, purpose, null, null);
    }

    public boolean isValid() {
        return state == State.VALID;
    }
}
