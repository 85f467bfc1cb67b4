package app.thaw.waitlist;

import org.jspecify.annotations.Nullable;

import app.thaw.scheduling.SessionFormat;

/** The waiting list's filters; null means any. */
public record WaitlistFilter(@Nullable ServiceType service, @Nullable SessionFormat format, boolean urgentOnly,
                             int limit, int offset) {

    public static WaitlistFilter all() {
        return new WaitlistFilter(null, null, false, 200, 0);
    }
}
