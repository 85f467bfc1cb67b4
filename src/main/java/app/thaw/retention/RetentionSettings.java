package app.thaw.retention;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The retention policy as the practice manager last saved it, and by whom (null before anyone changed it); the version
 * is what a save from a page showing these settings must still match.
 */
public record RetentionSettings(RetentionPolicy policy, @Nullable Instant updatedAt, @Nullable String updatedBy,
                                long version) {
}
