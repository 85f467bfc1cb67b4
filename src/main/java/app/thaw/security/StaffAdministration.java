package app.thaw.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.StaffId;
import app.thaw.security.StaffInputProblem.Field;
import app.thaw.security.domain.PasswordLink;
import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffAccountRepository;

/**
 * The practice manager's team screen: invite, change role, deactivate, reactivate, reset a password (a name or
 * address corrected: {@link StaffDetails}). Every
 * change is audited (who did it, to whom, what) and the practice always keeps one active practice manager.
 */
@Service
@Transactional
@RolesAllowed(Roles.ADMIN)
public class StaffAdministration {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final StaffAccountRepository accounts;
    private final StaffLinks links;
    private final TeamChangeRules rules;
    private final ApplicationEventPublisher events;
    private final List<StaffCommitments> commitments;
    private final List<StaffDepartures> departures;
    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final Clock clock;

    StaffAdministration(StaffAccountRepository accounts, StaffLinks links, TeamChangeRules rules,
                        ApplicationEventPublisher events, List<StaffCommitments> commitments,
                        List<StaffDepartures> departures, SignInThrottle throttle, KnownDevices devices, Clock clock) {
        this.commitments = List.copyOf(commitments);
        this.departures = List.copyOf(departures);
        this.throttle = throttle;
        this.devices = devices;
        this.accounts = accounts;
        this.links = links;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** Everyone, active first, then by name; with where each account stands. */
    @Transactional(readOnly = true)
    public List<TeamMember> team() {
        List<StaffAccount> all = accounts.findAllByOrderByDisplayNameAsc();
        Map<Long, PasswordLink> open = new HashMap<>();
        links.open(all.stream().map(StaffAccount::getId).toList())
                .forEach(link -> open.put(link.getStaffId(), link));
        Instant now = clock.instant();
        return all.stream().map(account -> member(account, open.get(account.getId()), now))
                .sorted(Comparator.comparing((TeamMember m) -> !m.isActive())).toList();
    }

    /** Creates the account without a password and issues its invitation link, under the public address. */
    public IssuedLink invite(NewStaffMember member) {
        String name = StaffInput.displayName(member.displayName());
        String username = member.username() == null ? "" : member.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new StaffInputProblem(Field.USERNAME, "Use 2 to " + StaffAccount.USERNAME_MAX + " lower-case "
                    + "letters, digits, dots, dashes or underscores, starting with a letter or digit, e.g. \"tom\".");
        }
        String email = StaffInput.email(member.email());
        if (member.role() == null) {
            throw new StaffInputProblem(Field.USERNAME, "Choose a role.");
        }
        // the unique indexes decide races; these give the usual case a clear message first
        if (accounts.findByUsernameIgnoreCase(username).isPresent()) {
            throw new StaffInputProblem(Field.USERNAME, usernameTaken(username));
        }
        rules.refuseUsedAddress(email, 0);
        StaffAccount account;
        try {
            account = accounts.saveAndFlush(new StaffAccount(username, name, email, null, member.role(),
                    clock.instant()));
        } catch (DataIntegrityViolationException taken) {
            throw rules.newAccountRefused(taken, email, username);
        }
        changed(StaffChange.INVITED, account, "as " + member.role().label());
        return links.issue(account, LinkPurpose.INVITATION);
    }

    static String usernameTaken(String username) {
        return "Someone already has the username \"" + username + "\". Choose another, e.g. with an initial added.";
    }

    /** A fresh link for someone still to choose a password; the previous link stops working. */
    public IssuedLink renewLink(StaffId staffId) {
        StaffAccount account = account(staffId.value());
        if (account.hasPassword() || !account.isActive()) {
            throw new StaffActionRefused(account.getDisplayName() + " is not waiting for a password link.");
        }
        LinkPurpose purpose = links.purpose(staffId.value());
        changed(StaffChange.LINK_RENEWED, account, purpose == LinkPurpose.INVITATION ? "invitation" : "reset");
        return links.issue(account, purpose);
    }

    /**
     * Removes the password at once (it stops working and their sessions end) and issues a link to choose a
     * new one: a reset is for a forgotten password or one someone else may know, and neither needs the old one.
     */
    public IssuedLink resetPassword(StaffId staffId) {
        StaffAccount account = account(staffId.value());
        rules.refuseForSelf(account, "reset your own password: use Change password in your account menu");
        if (!account.isActive()) {
            throw new StaffActionRefused(account.getDisplayName() + " is deactivated. Reactivate them first.");
        }
        // with no password yet there is nothing to reset, and a reset link would turn their invitation's wording
        // into "your old password no longer works"; a new link keeps what they are waiting for
        if (!account.hasPassword()) {
            throw new StaffActionRefused(account.getDisplayName() + " hasn't chosen a password yet, so there is "
                    + "nothing to reset. Use \"Send a new link\" to send them a fresh link instead.");
        }
        account.clearPassword();
        devices.forget(account.getId());
        changed(StaffChange.PASSWORD_RESET, account, "password removed, reset link issued; sessions ended");
        return links.issue(account, LinkPurpose.RESET);
    }

    public void changeRole(StaffId staffId, StaffRole role) {
        rules.lockAdminChanges();
        StaffAccount account = account(staffId.value());
        if (account.getRole() == role) {
            return;
        }
        rules.refuseForSelf(account, "change your own role");
        if (account.getRole() == StaffRole.ADMIN && account.isActive()) {
            rules.refuseIfLastAdmin(account, "make them a " + role.label().toLowerCase(Locale.UK));
        }
        if (account.getRole() == StaffRole.THERAPIST && account.isActive()) {
            // only a therapist sees clients: their sessions, cases and reviews would be left with no one who can
            refuseWhileCommitted(account, ", then change their role");
            departures.forEach(d -> d.letGo(staffId.value()));
        }
        String from = account.getRole().label();
        account.changeRole(role);
        changed(StaffChange.ROLE_CHANGED, account, from + " → " + role.label() + "; sessions ended");
    }

    /** Ends all their sessions at once and stops them signing in; their records and history stay. */
    public void deactivate(StaffId staffId) {
        rules.lockAdminChanges();
        StaffAccount account = account(staffId.value());
        if (!account.isActive()) {
            return;
        }
        rules.refuseForSelf(account, "deactivate your own account");
        if (account.getRole() == StaffRole.ADMIN) {
            rules.refuseIfLastAdmin(account, "deactivate them");
        }
        refuseWhileCommitted(account, "");
        departures.forEach(d -> d.letGo(staffId.value()));
        account.deactivate();
        devices.forget(account.getId());
        links.revokeOpen(staffId.value());
        changed(StaffChange.DEACTIVATED, account, "sessions ended");
    }

    private void refuseWhileCommitted(StaffAccount account, String then) {
        List<String> left = commitments.stream().flatMap(c -> c.outstanding(account.getId()).stream()).toList();
        if (!left.isEmpty()) {
            throw new StaffActionRefused(account.getDisplayName() + " still has " + String.join(" and ", left)
                    + ". Hand them over first (Team › " + account.getDisplayName() + " › Hand over and deactivate)"
                    + then + ".");
        }
    }

    public void reactivate(StaffId staffId) {
        StaffAccount account = account(staffId.value());
        if (account.isActive()) {
            return;
        }
        var holder = rules.addressHolder(account.getEmail(), account.getId());
        if (holder.isPresent()) {
            throw new StaffActionRefused(sharedAddress(account, holder.get().getDisplayName()));
        }
        account.reactivate();
        try {
            accounts.flush();
        } catch (DataIntegrityViolationException taken) {
            throw new StaffActionRefused(sharedAddress(account, "a colleague"));
        }
        changed(StaffChange.REACTIVATED, account, account.hasPassword() ? "can sign in again"
                : "still needs a password link");
    }

    /**
     * Lets someone sign in again now, before the pause after their failed tries runs out (they rang to say it was
     * them, or the practice has checked), on their account and on every browser they signed in on before alike.
     */
    public void liftSignInPause(StaffId staffId) {
        StaffAccount account = account(staffId.value());
        var until = throttle.accountPausedUntil(account.getId(), account.getUsername());
        if (until.isEmpty()) {
            return;
        }
        throttle.liftAccount(account.getId(), account.getUsername());
        changed(StaffChange.SIGN_IN_PAUSE_LIFTED, account, "sign-in pause lifted early");
    }

    private static String sharedAddress(StaffAccount account, String holder) {
        return "You can't reactivate " + account.getDisplayName() + ": " + holder + " now uses their email address ("
                + account.getEmail() + "), and each person needs their own so that links reach only them. Give "
                + account.getDisplayName() + " their new address first (Actions › Edit details…).";
    }

    private StaffAccount account(long staffId) {
        return accounts.findById(staffId)
                .orElseThrow(() -> new StaffActionRefused("That staff account no longer exists."));
    }

    private void changed(StaffChange change, StaffAccount account, String detail) {
        events.publishEvent(new StaffAccountChanged(change, account.getId(), account.getDisplayName(),
                account.getUsername(), detail));
    }

    private TeamMember member(StaffAccount account, @Nullable PasswordLink open, Instant now) {
        AccountStatus status;
        if (!account.isActive()) {
            status = AccountStatus.DEACTIVATED;
        } else if (account.hasPassword()) {
            status = AccountStatus.ACTIVE;
        } else {
            LinkPurpose purpose = open != null ? open.getPurpose() : links.lastPurpose(account.getId());
            status = purpose == LinkPurpose.RESET ? AccountStatus.RESET_PENDING : AccountStatus.INVITED;
        }
        Instant expires = open != null && open.getExpiresAt().isAfter(now) && account.isActive()
                ? open.getExpiresAt() : null;
        Instant paused = throttle.accountPausedUntil(account.getId(), account.getUsername()).orElse(null);
        return new TeamMember(account.getId(), account.getUsername(), account.getDisplayName(), account.getEmail(),
                account.getRole(), status, expires, paused, account.getVersion());
    }
}
