package app.thaw.security;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffAccountRepository;
import app.thaw.security.domain.StaffSecondFactor;
import app.thaw.security.domain.StaffSecondFactorRepository;

/**
 * Demo data only (ADR 18): the one way the {@code dev} feature makes the published demo logins. The bean exists in the
 * dev and test profiles alone, and only the system identity may call it, so no signed-in person reaches it.
 */
@Component
@Profile({"dev", "test"})
public class DemoStaffSeeding {

    private final StaffAccountRepository accounts;
    private final StaffSecondFactorRepository secondFactors;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoStaffSeeding(StaffAccountRepository accounts, StaffSecondFactorRepository secondFactors,
                     PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * The account with this username, made if missing, signing in with {@code totpSecret}; a reset in the team page
     * is undone. Returns whether the account was made now.
     */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public boolean ensure(String username, String displayName, String email, StaffRole role, String password,
                          String totpSecret) {
        var existing = accounts.findByUsernameIgnoreCase(username);
        StaffAccount account = existing.orElseGet(() -> accounts.save(new StaffAccount(username, displayName, email,
                passwordEncoder.encode(password), role, clock.instant())));
        enrol(account.getId(), totpSecret);
        return existing.isEmpty();
    }

    private void enrol(long staffId, String totpSecret) {
        var factor = secondFactors.findByStaffId(staffId);
        if (factor.isPresent() && factor.get().isConfirmed()) {
            return;
        }
        factor.ifPresent(secondFactors::delete);
        secondFactors.flush();
        var enrolled = new StaffSecondFactor(staffId, totpSecret, clock.instant());
        enrolled.confirm(clock.instant(), 0);
        secondFactors.save(enrolled);
    }
}
