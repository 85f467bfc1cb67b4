package app.thaw.intake;

/** One address started too many forms in a short time; the page asks them to wait a minute. */
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException() {
        super("Too many forms from one address in a short time");
    }
}
