package app.thaw.security;

/** A staff member's role, stored by name. */
public enum StaffRole {
    THERAPIST(Roles.THERAPIST, "Therapist"),
    ADMIN(Roles.ADMIN, "Practice manager");

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
}
