package app.thaw.scheduling;

/** A kind of session that can't be saved as typed, naming the field the message belongs under. */
public class SessionTypeRefused extends IllegalArgumentException {

    /** The field at fault. */
    public enum Field { NAME, MINUTES }

    private final Field field;

    public SessionTypeRefused(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
