package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import app.thaw.IntegrationTest;
import app.thaw.dev.DemoStaffAccounts;

@IntegrationTest
class PasswordHashingIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void staffPasswordsAreStoredAsArgon2idAtOwaspStrength() {
        String stored = jdbc.queryForObject("select password_hash from staff_account where username = 'amira'",
                String.class);

        assertThat(stored).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(stored).doesNotContain(DemoStaffAccounts.DEMO_PASSWORD);
        assertThat(passwordEncoder.matches(DemoStaffAccounts.DEMO_PASSWORD, stored)).isTrue();
        assertThat(passwordEncoder.matches("calm-river-2025", stored)).isFalse();
    }

    @Test
    void theDatabaseRefusesAnUnknownRoleAndADuplicateUsernameInAnotherCase() {
        var unknownRole = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update(
                "insert into staff_account (username, display_name, email, password_hash, role, created_at) "
                        + "values ('x1', 'X', 'x@example.org', 'h', 'CLIENT', now())"));
        var duplicate = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update(
                "insert into staff_account (username, display_name, email, password_hash, role, created_at) "
                        + "values ('AMIRA', 'X', 'x@example.org', 'h', 'THERAPIST', now())"));

        assertThat(unknownRole).hasMessageContaining("staff_account_role_ck");
        assertThat(duplicate).hasMessageContaining("staff_account_username_uk");
    }
}
