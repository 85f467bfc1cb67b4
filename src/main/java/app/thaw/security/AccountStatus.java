package app.thaw.security;

/** Where a staff account stands, as the team list shows it. */
public enum AccountStatus {
    ACTIVE("Active"),
    INVITED("Invited"),
    RESET_PENDING("Password reset"),
    DEACTIVATED("Deactivated");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
