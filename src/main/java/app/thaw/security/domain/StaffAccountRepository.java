package app.thaw.security.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import app.thaw.security.StaffRole;

public interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    @Query("select s from StaffAccount s where lower(s.username) = lower(:username)")
    Optional<StaffAccount> findByUsernameIgnoreCase(String username);

    /** The active account using this mailbox, whatever the case it was typed in (at most one: V196). */
    @Query("select s from StaffAccount s where s.active and lower(s.email) = lower(:email) order by s.id")
    List<StaffAccount> findActiveByEmailIgnoreCase(String email);

    List<StaffAccount> findAllByOrderByDisplayNameAsc();

    List<StaffAccount> findByRoleAndActiveTrueOrderByDisplayNameAsc(StaffRole role);

    List<StaffAccount> findByRoleInAndActiveTrueOrderByIdAsc(java.util.Collection<StaffRole> roles);

    /** Id and name pairs only: no account enters the persistence context to be dirty-checked. */
    @Query("select s.id, s.displayName from StaffAccount s where s.id in :ids")
    List<Object[]> findDisplayNames(java.util.Collection<Long> ids);
}
