package app.thaw.retention;

import org.jspecify.annotations.Nullable;

/** Why the retention settings weren't saved, field by field; both null means they were. */
public record SettingsCheck(@Nullable String yearsProblem, @Nullable String monthsProblem) {

    public boolean saved() {
        return yearsProblem == null && monthsProblem == null;
    }
}
