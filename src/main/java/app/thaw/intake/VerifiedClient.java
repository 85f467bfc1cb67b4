package app.thaw.intake;

/**
 * A client who has shown their private status link. Only the intake feature makes these, after checking the link, so
 * the diary's client-facing methods that take one cannot be reached with a bare id by anyone else.
 */
public final class VerifiedClient {

    private final long intakeId;

    VerifiedClient(long intakeId) {
        this.intakeId = intakeId;
    }

    /** The intake whose status link was shown. */
    public long intakeId() {
        return intakeId;
    }

    @Override
    public String toString() {
        return "VerifiedClient[" + intakeId + "]";
    }
}
