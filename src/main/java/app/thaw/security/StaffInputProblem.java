package app.thaw.security;

/** Something typed into a staff form that can't be used; the message goes beside that field. */
public class StaffInputProblem extends RuntimeException {

    /** The form field a problem belongs to. */
    public enum Field { DISPLAY_NAME, USERNAME, EMAIL, CURRENT_PASSWORD, NEW_PASSWORD, REPEATED_PASSWORD }

    private final Field field;

    public StaffInputProblem(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
