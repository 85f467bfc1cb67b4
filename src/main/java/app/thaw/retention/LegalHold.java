package app.thaw.retention;

import java.time.Instant;

/** A legal hold in force on one client. */
public record LegalHold(String reference, String reason, String setBy, Instant setAt) {
}
