package app.thaw.security;

/** The two staff roles; clients never sign in. Values match {@code @RolesAllowed} and the database CHECK. */
public final class Roles {

    public static final String THERAPIST = "THERAPIST";
    public static final String ADMIN = "ADMIN";
    /** Background work on behalf of the practice (never a person's account): see {@link SystemActor}. */
    public static final String SYSTEM = "SYSTEM";

    private Roles() {
    }
}
