package app.thaw.security;

import java.util.Objects;

/** A staff change the rules don't allow; the message says why in the practice's words. */
public class StaffActionRefused extends RuntimeException {

    public StaffActionRefused(String message) {
        super(message);
    }

    /** Every constructor takes the words a person reads, so there is always a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "thrown with a message");
    }
}
