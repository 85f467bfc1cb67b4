package app.thaw.scheduling;

import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/** A free time the slot finder proposes, with the room it would use. */
public record SlotSuggestion(ZonedDateTime start, ZonedDateTime end, @Nullable Long roomId,
                             @Nullable String roomName) {
}
