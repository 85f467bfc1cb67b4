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

/** Demo logins for local runs and tests; never active in production. Safe to run on every start. */
@Component
@Profile({"dev", "test"})
@Order(0)
public class DemoStaffAccounts implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "calm-river-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoStaffAccounts.class);

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "Priya Shah", "priya.shah@thaw.example", StaffRole.ADMIN),
            new Demo("amira", "Dr Amira Khan", "amira.khan@thaw.example", StaffRole.THERAPIST),
            new Demo("tom", "Tom Whitfield", "tom.whitfield@thaw.example", StaffRole.THERAPIST),
            new Demo("grace", "Grace Okafor", "grace.okafor@thaw.example", StaffRole.THERAPIST));

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoStaffAccounts(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        for (Demo demo : ACCOUNTS) {
            if (accounts.findByUsernameIgnoreCase(demo.username()).isEmpty()) {
                accounts.save(new StaffAccount(demo.username(), demo.displayName(), demo.email(),
                        passwordEncoder.encode(DEMO_PASSWORD), demo.role(), clock.instant()));
                created++;
            }
        }
        if (created > 0) {
            log.info("Created {} demo staff accounts (see README for the logins)", created);
        }
    }

    private record Demo(String username, String displayName, String email, StaffRole role) {
    }
}
