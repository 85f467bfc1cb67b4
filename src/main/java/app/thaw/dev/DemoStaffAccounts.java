package app.thaw.dev;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.thaw.security.DemoStaffSeeding;
import app.thaw.security.StaffRole;
import app.thaw.security.SystemActor;

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

    private final DemoStaffSeeding staff;

    DemoStaffAccounts(DemoStaffSeeding staff) {
        this.staff = staff;
    }

    @Override
    public void run(ApplicationArguments args) {
        long created = SystemActor.call(() -> ACCOUNTS.stream().filter(demo -> staff.ensure(demo.username(),
                demo.displayName(), demo.email(), demo.role(), DEMO_PASSWORD, DEMO_TOTP_SECRET)).count());
        if (created > 0) {
            log.info("Created {} demo staff accounts (see README for the logins)", created);
        }
    }

    private record Demo(String username, String displayName, String email, StaffRole role) {
    }
}
