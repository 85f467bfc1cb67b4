package app.thaw.security;

/** The two staff roles (and the half-way sign-in state); clients never sign in. Values match {@code @RolesAllowed} and the database CHECK. */
public final class Roles {

    public static final String THERAPIST = "THERAPIST";
    public static final String ADMIN = "ADMIN";
    /** Reads the practice's aggregate results (outcome measures); never a case. */
    public static final String CLINICAL_LEAD = "CLINICAL_LEAD";
    /**
     * A sign-in half done: the password was right, the authenticator code is still due. Grants the enrolment
     * and verification pages only, never a staff page or service.
     */
    public static final String PASSWORD_VERIFIED = "PASSWORD_VERIFIED";
    /** Background work on behalf of the practice (never a person's account): see {@link SystemActor}. */
    public static final String SYSTEM = "SYSTEM";
    /** Another clinical system reading through the FHIR API with a token a practice manager issued; never a person. */
    public static final String API_CLIENT = "API_CLIENT";

    private Roles() {
    }
}
