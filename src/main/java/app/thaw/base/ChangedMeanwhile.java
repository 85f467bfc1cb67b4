package app.thaw.base;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A save from a form loaded before someone else saved the same record: refused, so a stale page never undoes a
 * colleague's change. The message goes at the top of the form, which keeps what the manager typed.
 */
public class ChangedMeanwhile extends RuntimeException {

    private final String message;

    public ChangedMeanwhile(@Nullable Instant changedAt) {
        this("Someone changed these details" + (changedAt == null ? "" : " at " + PracticeTime.TIME.format(changedAt))
                + " since you opened the page. Reload to see them; what you typed is still here.");
    }

    /** Refused with words that say what the record is now, where the form can't simply be reloaded (a dialog). */
    public static ChangedMeanwhile saying(String message) {
        return new ChangedMeanwhile(message);
    }

    private ChangedMeanwhile(String message) {
        super(message);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
