package app.thaw.security;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffAccountRepository;

/** Staff accounts: looked up at sign-in, listed for admins, offered as therapists to assign. */
@Service
@Transactional(readOnly = true)
public class StaffAccountService implements UserDetailsService {

    private final StaffAccountRepository accounts;

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    StaffAccountService(StaffAccountRepository accounts, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Called by Spring Security before anyone is signed in; the message never says whether the account exists. */
    @Override
    @PermitAll
    public UserDetails loadUserByUsername(String username) {
        // someone invited or reset who has not chosen a password yet cannot sign in at all
        return accounts.findByUsernameIgnoreCase(username.strip())
                .filter(StaffAccount::hasPassword)
                .map(StaffAccountService::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("Bad credentials"));
    }

    /**
     * The account a sign-in attempt named, for the audit log of a failed try: only an existing account's own id and
     * name leave here, never the typed text.
     */
    @PermitAll
    public java.util.Optional<StaffSummary> find(String typedUsername) {
        if (typedUsername == null || typedUsername.isBlank() || typedUsername.length() > 64) {
            return java.util.Optional.empty();
        }
        return accounts.findByUsernameIgnoreCase(typedUsername.strip()).map(StaffAccountService::toSummary);
    }

    @RolesAllowed(Roles.ADMIN)
    public List<StaffSummary> listStaff() {
        return accounts.findAllByOrderByDisplayNameAsc().stream().map(StaffAccountService::toSummary).toList();
    }

    /**
     * Who to tell about a case's work: that staff member while their account is active, otherwise every active
     * practice manager. For the practice's own notices (names and addresses only).
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public List<StaffSummary> staffMemberOrManagers(@org.jspecify.annotations.Nullable StaffId staffId) {
        return activeMember(StaffId.numberOf(staffId)).map(List::of).orElseGet(() -> accounts
                .findByRoleAndActiveTrueOrderByDisplayNameAsc(StaffRole.ADMIN).stream()
                .map(StaffAccountService::toSummary).toList());
    }

    /**
     * Who to tell that a case needs clinical attention: its therapist while their account is active, otherwise every
     * active practice manager (who can assign it) and clinical lead. Names and addresses only.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public List<StaffSummary> staffMemberOrManagersAndLeads(@org.jspecify.annotations.Nullable StaffId staffId) {
        return activeMember(StaffId.numberOf(staffId)).map(List::of).orElseGet(() -> accounts
                .findByRoleInAndActiveTrueOrderByIdAsc(java.util.EnumSet.of(StaffRole.ADMIN, StaffRole.CLINICAL_LEAD))
                .stream().map(StaffAccountService::toSummary).toList());
    }

    private java.util.Optional<StaffSummary> activeMember(@org.jspecify.annotations.Nullable Long staffId) {
        return staffId == null ? java.util.Optional.empty()
                : accounts.findById(staffId).filter(StaffAccount::isActive).map(StaffAccountService::toSummary);
    }

    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
    public List<StaffSummary> activeTherapists() {
        return accounts.findByRoleAndActiveTrueOrderByDisplayNameAsc(StaffRole.THERAPIST).stream()
                .map(StaffAccountService::toSummary).toList();
    }

    /** Every staff member who does not, or no longer, sees clients: few, however long the practice's history. */
    @RolesAllowed(Roles.SYSTEM)
    public List<Long> notSeeingClients() {
        return jdbc.queryForList("select id from staff_account where not (active and role = 'THERAPIST')", Long.class);
    }

    /**
     * Which of these staff members still see clients: active therapists, as the database requires of a session's, a
     * case's, a held time's and a review's (V186). For a held time's therapist, a partner's case's.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM})
    public java.util.Set<Long> stillSeeingClients(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.queryForList("select id from staff_account where id = any(?) and active "
                + "and role = 'THERAPIST'", Long.class, (Object) ids.toArray(Long[]::new)));
    }

    /** Names to show beside ids in case histories and queues (and beside the answers another system reads). */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.SYSTEM, Roles.API_CLIENT})
    public java.util.Map<Long, String> displayNames() {
        return accounts.findAll().stream().collect(java.util.stream.Collectors.toMap(StaffAccount::getId,
                StaffAccount::getDisplayName));
    }

    /**
     * The names of a few staff members, without loading every account: for one session or a short list (the clinical
     * lead's outcomes report names therapists; inside a staff page {@link SystemActor} does not change who asks).
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.CLINICAL_LEAD, Roles.SYSTEM, Roles.API_CLIENT})
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        var names = new java.util.HashMap<Long, String>();
        if (ids.size() == 1) {
            // one row by primary key, as a row: an entity (hash and all) would be dirty-checked at every flush of a
            // booking, and a query through JPA would flush the booking's persistence context first
            long id = ids.iterator().next();
            jdbc.query("select display_name from staff_account where id = ?",
                    (java.sql.ResultSet rs) -> { names.put(id, rs.getString(1)); }, id);
        } else if (!ids.isEmpty()) {
            accounts.findDisplayNames(ids).forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        return names;
    }

    static StaffUser toUser(StaffAccount account) {
        return new StaffUser(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getPasswordHash(), account.isActive(), account.getSessionGeneration());
    }

    private static StaffSummary toSummary(StaffAccount account) {
        return new StaffSummary(account.getId(), account.getUsername(), account.getDisplayName(), account.getEmail(),
                account.getRole(), account.isActive(), account.getCreatedAt());
    }
}
