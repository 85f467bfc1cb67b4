package app.thaw.intake;

import java.time.Instant;
import java.util.List;

/** A dated, signed correction of one submitted answer; the original stays as it was sent. */
public record Amendment(String itemId, List<String> values, String reason, String amendedBy, Instant amendedAt) {

    public static final int REASON_MAX = 500;
}
