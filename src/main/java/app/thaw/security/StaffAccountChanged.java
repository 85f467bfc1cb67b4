package app.thaw.security;

/**
 * A change to a staff account, published in the changing transaction so its audit line commits with it.
 * Names whom it was done to and what, never a password or a link.
 */
public record StaffAccountChanged(StaffChange change, long staffId, String staffName, String username,
                                  String detail) {

    /** "Tom Whitfield (tom)": how the audit log names the person changed. */
    public String whom() {
        return staffName + " (" + username + ")";
    }
}
