package app.thaw.retention;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Whether a client can be erased now: already erased (when), or held. */
public record ClientPrivacyStatus(String reference, @Nullable Instant erasedAt, @Nullable LegalHold hold) {

    public boolean erased() {
        return erasedAt != null;
    }

    public boolean held() {
        return hold != null;
    }
}
