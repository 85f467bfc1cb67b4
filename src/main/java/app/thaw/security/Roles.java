package app.thaw.security;

/** The two staff roles; clients never sign in. Values match {@code @RolesAllowed} and the database CHECK. */
public final class Roles {

    public static final String THERAPIST = "THERAPIST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
