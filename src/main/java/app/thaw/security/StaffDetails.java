package app.thaw.security;

import java.time.Clock;
import java.util.ArrayList;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.ids.StaffId;
import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffAccountRepository;

/**
 * A practice manager corrects a staff member's name or email address (a new surname, a mistyped address): the rules
 * of an invitation, one address per active account, and the old address told when it changes, so a change nobody
 * asked for is noticed. The username stays: it is what they sign in with. Audited like every staff change.
 */
@Service
@Transactional
@RolesAllowed(Roles.ADMIN)
public class StaffDetails {

    private final StaffAccountRepository accounts;
    private final TeamChangeRules rules;
    private final StaffLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffDetails(StaffAccountRepository accounts, TeamChangeRules rules, StaffLinks links,
                        ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.rules = rules;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Saves the name and address as typed (their sessions go on). When the address changes the old one is told, and a
     * password link still open there stops working, a fresh one going to the new address. Refused
     * ({@link ChangedMeanwhile}) when the account changed since the form showed {@code version}.
     */
    @RolesAllowed(Roles.ADMIN)
    public ChangedDetails changeDetails(StaffId staffId, @Nullable String displayName, @Nullable String email,
                                        long version) {
        String name = StaffInput.displayName(displayName);
        String address = StaffInput.email(email);
        StaffAccount account = accounts.findById(staffId.value())
                .orElseThrow(() -> new StaffActionRefused("That staff account no longer exists."));
        if (account.getVersion() != version) {
            throw ChangedMeanwhile.saying("Someone else changed " + account.getDisplayName() + "'s account since "
                    + "you opened this, so nothing was saved. Cancel to see the team as it is now, then edit their "
                    + "details again if they still need it; what you typed is still here.");
        }
        String before = account.getDisplayName();
        String previousEmail = account.getEmail();
        if (before.equals(name) && previousEmail.equals(address)) {
            return new ChangedDetails(name, address, false, null);
        }
        // Amira.Khan@ and amira.khan@ are one mailbox: a change of capitals alone tells nobody and moves no link
        boolean newMailbox = !previousEmail.equalsIgnoreCase(address);
        if (newMailbox) {
            rules.refuseUsedAddress(address, account.getId());
        }
        account.changeDetails(name, address);
        try {
            accounts.flush();
        } catch (DataIntegrityViolationException taken) {
            throw rules.newAccountRefused(taken, address, account.getUsername());
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ChangedMeanwhile(null);
        }
        IssuedLink link = null;
        if (newMailbox) {
            events.publishEvent(new StaffEmailChanged(account.getId(), before, previousEmail, clock.instant(),
                    account.getVersion()));
            // a link waiting at the old address would let whoever reads it choose this account's password
            if (account.isActive() && !account.hasPassword()) {
                link = links.issue(account, links.purpose(account.getId()));
            } else {
                links.revokeOpen(account.getId());
            }
        }
        events.publishEvent(new StaffAccountChanged(StaffChange.DETAILS_CHANGED, account.getId(),
                account.getDisplayName(), account.getUsername(), whatChanged(before, name, previousEmail, address,
                link != null)));
        return new ChangedDetails(name, address, newMailbox, link);
    }

    /** What the audit log keeps: the former name (staff names are in it already), never an address. */
    private static String whatChanged(String before, String name, String previousEmail, String address,
                                      boolean linkSent) {
        var done = new ArrayList<String>();
        if (!before.equals(name)) {
            done.add("name changed (was " + before + ")");
        }
        if (previousEmail.equalsIgnoreCase(address)) {
            if (!previousEmail.equals(address)) {
                done.add("email address's capitals changed");
            }
        } else {
            done.add("email address changed; the old address was told");
        }
        if (linkSent) {
            done.add("the password link went again to the new address, the old one stopped working");
        }
        return String.join("; ", done);
    }
}
