package app.thaw.security;

/** A staff member's role, stored by name. */
public enum StaffRole {
    THERAPIST(Roles.THERAPIST, "Therapist"),
    ADMIN(Roles.ADMIN, "Practice manager"),
    CLINICAL_LEAD(Roles.CLINICAL_LEAD, "Clinical lead");

    private final String roleName;
    private final String label;

    StaffRole(String roleName, String label) {
        this.roleName = roleName;
        this.label = label;
    }

    public String authority() {
        return "ROLE_" + roleName;
    }

    public String label() {
        return label;
    }

    /** Where this role lands after signing in: the queue, or the practice's results for a clinical lead. */
    public String home() {
        return this == CLINICAL_LEAD ? "staff/reports/outcomes" : "staff";
    }
}
