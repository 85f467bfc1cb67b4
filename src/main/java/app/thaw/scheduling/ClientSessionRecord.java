package app.thaw.scheduling;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One of a client's sessions as the diary holds it, for their subject access request: the session, how it
 * was cancelled (the reason is kept in the practice and never emailed), the client's requests about it and the
 * therapist's session note with its addenda (as text; null when none was written).
 */
public record ClientSessionRecord(SessionView session, Instant bookedAt, @Nullable Instant cancelledAt,
                                  @Nullable Boolean cancelledByClient, @Nullable String cancelReason,
                                  List<ChangeRequest> requests, @Nullable String sessionNote) {

    /** A request the client sent from their status page to cancel or rearrange this session. */
    public record ChangeRequest(boolean cancel, @Nullable String message, Instant sentAt, boolean handled) {
    }
}
