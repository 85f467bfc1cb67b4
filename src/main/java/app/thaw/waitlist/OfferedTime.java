package app.thaw.waitlist;

import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

import app.thaw.scheduling.SessionFormat;

/** A time staff offer to a waiting case (as the slot finder proposed it): whose diary, where, when. */
public record OfferedTime(long therapistId, SessionFormat format, @Nullable Long roomId, ZonedDateTime start,
                          ZonedDateTime end) {
}
