package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.StaffId;
import app.thaw.IntegrationTest;
import app.thaw.audit.AuditFilter;
import app.thaw.audit.AuditLog;
import app.thaw.review.QueueFilter;
import app.thaw.review.QueueSort;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewQueueService;
import app.thaw.dev.DemoStaffAccounts;

@IntegrationTest
class SecondFactorIT {

    private static final String PASSWORD = "a-long-test-password-9";

    @Autowired
    AuthenticationProvider staffAuthentication;

    @Autowired
    SecondFactorService secondFactor;

    @Autowired
    StaffAccountService staff;

    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    ReviewQueueService reviewQueue;

    @Autowired
    AuditLog auditLog;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    private final String username = "mfa-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
        jdbc.update("delete from sign_in_throttle where throttle_key in (?, ?)", SignInThrottle.accountKey(username),
                SignInThrottle.addressKey("unknown"));
    }

    @Test
    void aRightPasswordAloneReachesNoStaffPageDataOrServiceMethod() {
        long id = newTherapist();

        passwordStep();

        var half = SecurityContextHolder.getContext().getAuthentication();
        assertThat(authorities(half.getAuthorities())).containsExactlyInAnyOrder("FACTOR_PASSWORD",
                "ROLE_PASSWORD_VERIFIED");
        assertThat(half.getPrincipal()).isEqualTo(new PendingSignIn(id, username, "MFA Test"));
        assertThat(currentUser.get()).isEmpty();
        assertThatThrownBy(() -> staff.activeTherapists()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> staff.listStaff()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> caseOpening.openCase(CaseReference.of("THW-AAAAAA")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> reviewQueue.queue(QueueFilter.open(), QueueSort.DEFAULT, null, 10))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> auditLog.search(AuditFilter.everything(), null, 10))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> secondFactor.reset(StaffId.of(id))).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor_id = ? and action = 'SIGN_IN'",
                Integer.class, id)).isZero();
    }

    @Test
    void enrolmentConfirmsWithACodeThenSignsInAndHandsOutTenRecoveryCodesStoredHashed() {
        long id = newTherapist();
        passwordStep();
        assertThat(secondFactor.isEnrolled()).isFalse();

        Enrolment enrolment = secondFactor.beginEnrolment();
        assertThat(enrolment.secret()).matches("[A-Z2-7]{32}");
        assertThat(enrolment.qrCodeDataUri()).startsWith("data:image/png;base64,");
        assertThat(secondFactor.confirmEnrolment(wrongCode(enrolment.secret()))).isEmpty();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(
                PasswordVerifiedAuthentication.class);

        String code = TotpTestCodes.current(enrolment.secret());
        List<String> recovery = secondFactor.confirmEnrolment(code).orElseThrow();

        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        var full = SecurityContextHolder.getContext().getAuthentication();
        assertThat(full.getPrincipal()).isInstanceOf(StaffUser.class);
        assertThat(authorities(full.getAuthorities())).containsExactlyInAnyOrder("ROLE_THERAPIST", "FACTOR_PASSWORD",
                "FACTOR_TOTP");
        assertThat(currentUser.require().id()).isEqualTo(id);
        assertThat(staff.activeTherapists()).isNotEmpty();
        assertThat(jdbc.queryForList("select code_hash from staff_recovery_code where staff_id = ?", String.class, id))
                .hasSize(10).allMatch(hash -> hash.matches("[0-9a-f]{64}"))
                .noneMatch(hash -> recovery.stream().anyMatch(c -> hash.contains(c.replace("-", ""))));
        assertThat(actionsOf(id)).containsExactly("SECOND_FACTOR_FAILED", "SECOND_FACTOR_ENROLLED", "SIGN_IN");
        assertThat(auditTextOf(id)).doesNotContain(enrolment.secret()).doesNotContain(code)
                .doesNotContain(recovery.getFirst());
    }

    @Test
    void aCodeIsAcceptedOnceWithinOneStepOfDriftAndNeverReplayed() {
        long id = newTherapist();
        String secret = enrolled();
        Long enrolmentStep = jdbc.queryForObject("select last_used_step from staff_second_factor where staff_id = ?",
                Long.class, id);
        String enrolmentCode = TotpCodes.codeForStep(secret, enrolmentStep);
        assertThat(enrolmentCode).isNotNull();

        passwordStep();
        assertThat(secondFactor.isEnrolled()).isTrue();
        assertThat(secondFactor.verify(enrolmentCode).accepted()).as("replay of the enrolment code").isFalse();
        String nextStep = TotpTestCodes.codeForStep(secret, TotpCodes.step(Instant.now()) + 1);
        Verification accepted = secondFactor.verify(nextStep);

        assertThat(accepted.accepted()).isTrue();
        assertThat(accepted.usedRecoveryCode()).isFalse();
        assertThat(currentUser.require().id()).isEqualTo(id);

        passwordStep();
        assertThat(secondFactor.verify(nextStep).accepted()).as("replay of a sign-in code").isFalse();
        assertThat(actionsOf(id)).containsSubsequence("SECOND_FACTOR_FAILED", "SIGN_IN", "SECOND_FACTOR_FAILED");
    }

    @Test
    void aRecoveryCodeSignsInOnceInAnyCaseAndIsAudited() {
        long id = newTherapist();
        passwordStep();
        String secret = secondFactor.beginEnrolment().secret();
        List<String> recovery = secondFactor.confirmEnrolment(TotpTestCodes.current(secret)).orElseThrow();

        passwordStep();
        Verification used = secondFactor.verify(" " + recovery.get(3).toUpperCase() + " ");

        assertThat(used.accepted()).isTrue();
        assertThat(used.usedRecoveryCode()).isTrue();
        assertThat(used.recoveryCodesLeft()).isEqualTo(9);
        var full = SecurityContextHolder.getContext().getAuthentication();
        assertThat(authorities(full.getAuthorities())).contains("ROLE_THERAPIST", "FACTOR_RECOVERY_CODE");

        passwordStep();
        assertThat(secondFactor.verify(recovery.get(3)).accepted()).as("second use").isFalse();
        assertThat(secondFactor.verify(recovery.get(4).replace("-", "")).accepted()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from staff_recovery_code where staff_id = ? and used_at is null",
                Integer.class, id)).isEqualTo(8);
        var rows = jdbc.queryForList("select action, detail from audit_entry where actor_id = ? order by id", id);
        assertThat(rows).filteredOn(row -> "RECOVERY_CODE_USED".equals(row.get("action")))
                .extracting(row -> row.get("detail")).containsExactly("9 recovery codes left", "8 recovery codes left");
        assertThat(auditTextOf(id)).doesNotContain(recovery.get(3)).doesNotContain(recovery.get(4));
    }

    @Test
    void wrongCodesCountTowardsTheSignInThrottleAndThenEvenTheRightCodeIsRefused() {
        long id = newTherapist();
        String secret = enrolled();

        passwordStep();
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            assertThat(secondFactor.verify(wrongCode(secret)).accepted()).isFalse();
        }

        String right = TotpTestCodes.codeForStep(secret, TotpCodes.step(Instant.now()) + 1);
        assertThat(secondFactor.verify(right).accepted()).isFalse();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isInstanceOf(
                PasswordVerifiedAuthentication.class);
        assertThat(jdbc.queryForObject("select blocked_until > now() from sign_in_throttle where throttle_key = ?",
                Boolean.class, SignInThrottle.accountKey(username))).isTrue();
        assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where actor_id = ? and action = 'SECOND_FACTOR_FAILED'",
                Integer.class, id)).isEqualTo(SignInThrottle.FREE_FAILURES + 1);
    }

    @Test
    void aPracticeManagerResetsTheAuthenticatorAndTheStaffMemberEnrolsAgain() {
        long id = newTherapist();
        enrolled();
        SecurityContextHolder.clearContext();
        signInDirectly("amira");
        assertThatThrownBy(() -> secondFactor.reset(StaffId.of(id))).isInstanceOf(AuthorizationDeniedException.class);

        signInDirectly("admin");
        assertThat(secondFactor.isEnrolled(StaffId.of(id))).isTrue();
        secondFactor.reset(StaffId.of(id));

        assertThat(secondFactor.isEnrolled(StaffId.of(id))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from staff_recovery_code where staff_id = ?", Integer.class,
                id)).isZero();
        Map<String, Object> audit = jdbc.queryForMap("""
                select a.actor_name, a.detail from audit_entry a join staff_account s on s.id = a.actor_id
                 where s.username = 'admin' and a.action = 'SECOND_FACTOR_RESET' order by a.id desc limit 1""");
        assertThat(audit.get("actor_name")).isEqualTo("Priya Shah");
        assertThat(audit.get("detail")).isEqualTo("for MFA Test (" + username + ")");

        SecurityContextHolder.clearContext();
        passwordStep();
        assertThat(secondFactor.isEnrolled()).isFalse();
        String secret = secondFactor.beginEnrolment().secret();
        assertThat(secondFactor.confirmEnrolment(TotpTestCodes.current(secret))).isPresent();
    }

    @Test
    void theDemoCodeHintNeverAppearsOutsideTheDevProfile() {
        var half = staffAuthentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("tom",
                DemoStaffAccounts.DEMO_PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(half);

        assertThat(secondFactor.isEnrolled()).as("demo accounts are enrolled with the demo secret").isTrue();
        assertThat(secondFactor.demoHint()).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private long newTherapist() {
        return jdbc.queryForObject("""
                insert into staff_account (username, display_name, email, password_hash, role, created_at)
                values (?, 'MFA Test', ?, ?, 'THERAPIST', now()) returning id""", Long.class,
                username, username + "@example.org", passwordEncoder.encode(PASSWORD));
    }

    private void passwordStep() {
        var half = staffAuthentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(half);
    }

    /** Enrols the test account and returns its secret; leaves the context signed in. */
    private String enrolled() {
        passwordStep();
        String secret = secondFactor.beginEnrolment().secret();
        assertThat(secondFactor.confirmEnrolment(TotpTestCodes.current(secret))).isPresent();
        return secret;
    }

    private void signInDirectly(String demo) {
        var user = staff.loadUserByUsername(demo);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A six-digit code no authenticator with this secret shows in the drift window now. */
    private static String wrongCode(String secret) {
        long now = TotpCodes.step(Instant.now());
        Set<String> valid = Set.of(TotpCodes.codeForStep(secret, now - 1), TotpCodes.codeForStep(secret, now),
                TotpCodes.codeForStep(secret, now + 1), TotpCodes.codeForStep(secret, now + 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    private List<String> actionsOf(long id) {
        return jdbc.queryForList("select action from audit_entry where actor_id = ? order by id", String.class, id);
    }

    private String auditTextOf(long id) {
        return jdbc.queryForList("select * from audit_entry where actor_id = ?", id).toString();
    }

    private static Set<String> authorities(java.util.Collection<? extends GrantedAuthority> granted) {
        return AuthorityUtils.authorityListToSet(granted);
    }
}
