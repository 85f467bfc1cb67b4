package app.thaw.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.security.domain.StaffAccount;

/**
 * Who may change whose account: nobody their own role, password or access, and the practice always keeps one active
 * practice manager, even when two managers change each other at once.
 */
@Component
class TeamChangeRules {

    /** Serialises every change that could remove a practice manager, across all app instances. */
    static final long ADMIN_CHANGES_LOCK = 0x7468_6177_0000_0001L;

    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    TeamChangeRules(CurrentUser currentUser, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.events = events;
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
}
