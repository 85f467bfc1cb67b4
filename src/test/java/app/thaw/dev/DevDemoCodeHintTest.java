package app.thaw.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import app.thaw.security.TotpCodes;

class DevDemoCodeHintTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:10Z");

    @Test
    void inTheDevProfileTheDemoSecretsCodeIsShown() {
        var hint = new DevDemoCodeHint(profiles("dev"));

        assertThat(hint.currentCode(DemoStaffAccounts.DEMO_TOTP_SECRET, NOW))
                .hasValue(TotpCodes.codeAt(DemoStaffAccounts.DEMO_TOTP_SECRET, NOW));
    }

    @Test
    void neverOutsideTheDevProfileNorForARealSecret() {
        assertThat(new DevDemoCodeHint(profiles("test")).currentCode(DemoStaffAccounts.DEMO_TOTP_SECRET, NOW))
                .isEmpty();
        assertThat(new DevDemoCodeHint(profiles()).currentCode(DemoStaffAccounts.DEMO_TOTP_SECRET, NOW)).isEmpty();
        assertThat(new DevDemoCodeHint(profiles("prod")).currentCode(DemoStaffAccounts.DEMO_TOTP_SECRET, NOW))
                .isEmpty();
        assertThat(new DevDemoCodeHint(profiles("dev")).currentCode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", NOW))
                .isEmpty();
    }

    @Test
    void theBeanItselfExistsInTheDevProfileOnly() {
        var profile = DevDemoCodeHint.class.getAnnotation(org.springframework.context.annotation.Profile.class);

        assertThat(profile.value()).containsExactly("dev");
    }

    private static MockEnvironment profiles(String... active) {
        var environment = new MockEnvironment();
        environment.setActiveProfiles(active);
        return environment;
    }
}
