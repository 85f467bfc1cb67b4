package app.thaw.care;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeTime;

/**
 * A save from a note form drawn before the note's latest save (another tab, or someone else): refused, so the newer
 * clinical text is never overwritten; the form keeps what was typed for the person to copy.
 */
public class StaleSessionNote extends IllegalArgumentException {

    StaleSessionNote(@Nullable Instant changedAt) {
        super("This note was changed in another tab or by someone else "
                + (changedAt == null ? "just now" : "at " + PracticeTime.TIME.format(changedAt))
                + ". Your text is still here: copy it, then reload to see the latest version.");
    }
}
