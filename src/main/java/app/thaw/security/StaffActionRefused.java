package app.thaw.security;

/** A staff change the rules don't allow; the message says why in the practice's words. */
public class StaffActionRefused extends RuntimeException {

    public StaffActionRefused(String message) {
        super(message);
    }
}
