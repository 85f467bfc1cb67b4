package app.thaw.security;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.database.DatabaseRefusals;
import app.thaw.security.StaffInputProblem.Field;
import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffAccountRepository;

/**
 * Who may change whose account: nobody their own role, password or access, and the practice always keeps one active
 * practice manager, even when two managers change each other at once. Each active account has its own mailbox,
 * whatever the case it is typed in, so an invitation or a password reset reaches only the person it is for; the
 * database's index (V196) decides a race, and these say who already uses the address.
 */
@Component
class TeamChangeRules {

    /** Serialises every change that could remove a practice manager, across all app instances. */
    static final long ADMIN_CHANGES_LOCK = 0x7468_6177_0000_0001L;
    static final String EMAIL_INDEX = "staff_account_email_uk";
    static final String USERNAME_INDEX = "staff_account_username_uk";

    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final StaffAccountRepository accounts;
    private final TransactionTemplate afresh;

    TeamChangeRules(CurrentUser currentUser, JdbcTemplate jdbc, ApplicationEventPublisher events,
                    StaffAccountRepository accounts, PlatformTransactionManager transactions) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
        this.afresh = new TransactionTemplate(transactions);
        // the refused write spoilt its own transaction, so the colleague's name is read in one of its own
        this.afresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.afresh.setReadOnly(true);
    }

    /**
     * Taken before reading any account, held to commit: a second admin's change waits here and then counts
     * the practice managers as the first one left them, so two admins demoting each other leave one.
     */
    void lockAdminChanges() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, ADMIN_CHANGES_LOCK);
    }

    void refuseIfLastAdmin(StaffAccount account, String wanted) {
        Integer others = jdbc.queryForObject("select count(*) from staff_account where role = 'ADMIN' and active "
                + "and id <> ?", Integer.class, account.getId());
        if (others == null || others == 0) {
            events.publishEvent(new StaffAccountChanged(StaffChange.REFUSED, account.getId(),
                    account.getDisplayName(), account.getUsername(), "wanted to " + wanted
                    + "; they are the last active practice manager"));
            throw new StaffActionRefused("You can't " + wanted + ": " + account.getDisplayName()
                    + " is the practice's only active practice manager, and someone must always be able to "
                    + "manage the team. Make another person a practice manager first.");
        }
    }

    void refuseForSelf(StaffAccount account, String wanted) {
        if (currentUser.get().map(StaffUser::id).filter(id -> id.equals(account.getId())).isPresent()) {
            throw new StaffActionRefused("You can't " + wanted + ". Ask another practice manager.");
        }
    }

    /** The active account other than {@code self} already using {@code email}. */
    Optional<StaffAccount> addressHolder(String email, long self) {
        return accounts.findActiveByEmailIgnoreCase(email).stream().filter(a -> a.getId() != self).findFirst();
    }

    /** Refuses, under Email, an address an active colleague (not {@code self}) already uses. */
    void refuseUsedAddress(String email, long self) {
        addressHolder(email, self).ifPresent(other -> {
            throw new StaffInputProblem(Field.EMAIL, used(other.getDisplayName()));
        });
    }

    /**
     * What to tell the person after the database refused a new account or a changed address: someone took the address
     * or username a moment ago. Anything else is not theirs to fix and goes on as it was.
     */
    RuntimeException newAccountRefused(DataIntegrityViolationException refused, String email, String username) {
        if (DatabaseRefusals.refusedWith(refused, DatabaseRefusals.UNIQUE_VIOLATION, EMAIL_INDEX)) {
            String name = afresh.execute(status -> addressHolder(email, 0).map(StaffAccount::getDisplayName)
                    .orElse("A colleague"));
            return new StaffInputProblem(Field.EMAIL, used(name));
        }
        if (DatabaseRefusals.refusedWith(refused, DatabaseRefusals.UNIQUE_VIOLATION, USERNAME_INDEX)) {
            return new StaffInputProblem(Field.USERNAME, StaffAdministration.usernameTaken(username));
        }
        return refused;
    }

    private static String used(String holder) {
        return holder + " already uses this address. Each person needs their own, so their invitation and password "
                + "resets reach only them.";
    }
}
