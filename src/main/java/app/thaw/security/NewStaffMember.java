package app.thaw.security;

/** What the practice manager types to invite someone. */
public record NewStaffMember(String displayName, String username, String email, StaffRole role) {
}
