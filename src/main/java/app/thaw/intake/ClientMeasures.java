package app.thaw.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the client's status page needs from outcome measures, implemented by the outcomes feature (which depends on
 * intake, never the reverse). Calls come from anonymous clients holding a status link already checked here; a request
 * that isn't the client's own answers as one that does not exist.
 */
public interface ClientMeasures {

    /** The client's own open measure requests, soonest session first. */
    List<Invitation> open(VerifiedClient client);

    /** A fresh private link to one of the client's own open requests (relative, e.g. "measures/…"). */
    Optional<String> link(VerifiedClient client, long requestId);

    /** The client's own progress in plain words (never a partner's); empty when there is none or it is switched off. */
    List<String> progress(VerifiedClient client);

    /** One set of questions to answer before a session. */
    record Invitation(long requestId, Instant sessionStarts, Instant expiresAt, int questionCount) {
    }
}
