package app.thaw.retention;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The retention policy as the practice manager last saved it, and by whom (null before anyone changed it). */
public record RetentionSettings(RetentionPolicy policy, @Nullable Instant updatedAt, @Nullable String updatedBy) {
}
