package app.thaw.scheduling.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** When a session holds a diary (and which room): all the free-slot finder needs to know of it. */
public record BusyTime(Instant startsAt, Instant endsAt, @Nullable Long roomId) {
}
