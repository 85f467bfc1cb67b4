package app.thaw.security.dev;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.security.StaffRole;
import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffAccountRepository;
import app.thaw.security.domain.StaffSecondFactor;
import app.thaw.security.domain.StaffSecondFactorRepository;

/** Demo logins for local runs and tests; never active in production. Safe to run on every start. */
@Component
@Profile({"dev", "test"})
@Order(0)
public class DemoStaffAccounts implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "calm-river-2026";
    /** The authenticator secret of every demo account: published in the README, so never use it for real. */
    public static final String DEMO_TOTP_SECRET = "THAWDEMOTHAWDEMOTHAWDEMOTHAWDEMO";

    private static final Logger log = LoggerFactory.getLogger(DemoStaffAccounts.class);

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "Priya Shah", "priya.shah@thaw.example", StaffRole.ADMIN),
            new Demo("amira", "Dr Amira Khan", "amira.khan@thaw.example", StaffRole.THERAPIST),
            new Demo("tom", "Tom Whitfield", "tom.whitfield@thaw.example", StaffRole.THERAPIST),
            new Demo("grace", "Grace Okafor", "grace.okafor@thaw.example", StaffRole.THERAPIST));

    private final StaffAccountRepository accounts;
    private final StaffSecondFactorRepository secondFactors;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoStaffAccounts(StaffAccountRepository accounts, StaffSecondFactorRepository secondFactors,
                      PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Demo demo : ACCOUNTS) {
            var account = accounts.findByUsernameIgnoreCase(demo.username());
            if (account.isEmpty()) {
                account = java.util.Optional.of(accounts.save(new StaffAccount(demo.username(), demo.displayName(),
                        demo.email(), passwordEncoder.encode(DEMO_PASSWORD), demo.role(), clock.instant())));
                created++;
            }
            enrol(account.get());
        }
        if (created > 0) {
            log.info("Created {} demo staff accounts (see README for the logins)", created);
        }
    }

    /** Demo accounts sign in with the published secret; one reset in the team page is undone at the next start. */
    private void enrol(StaffAccount account) {
        long staffId = java.util.Objects.requireNonNull(account.getId());
        var factor = secondFactors.findByStaffId(staffId);
        if (factor.isPresent() && factor.get().isConfirmed()) {
            return;
        }
        factor.ifPresent(secondFactors::delete);
        secondFactors.flush();
        var enrolled = new StaffSecondFactor(staffId, DEMO_TOTP_SECRET, clock.instant());
        enrolled.confirm(clock.instant(), 0);
        secondFactors.save(enrolled);
    }

    private record Demo(String username, String displayName, String email, StaffRole role) {
    }
}
