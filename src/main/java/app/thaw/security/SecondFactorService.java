package app.thaw.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.util.Utils;

import app.thaw.base.ids.StaffId;
import app.thaw.security.SecondFactorEvent.Kind;
import app.thaw.security.domain.RecoveryCode;
import app.thaw.security.domain.RecoveryCodeRepository;
import app.thaw.security.domain.StaffAccountRepository;
import app.thaw.security.domain.StaffSecondFactor;
import app.thaw.security.domain.StaffSecondFactorRepository;

/**
 * The second step of every staff sign-in: set up an authenticator (TOTP) once, then type its code (or a one-use
 * recovery code) after the password. Only then does the session get the staff member's role. Wrong codes count
 * towards the same {@link SignInThrottle} as wrong passwords.
 */
@Service
public class SecondFactorService {

    /** Long enough for a recovery code typed with spaces; anything longer is refused unread. */
    public static final int CODE_INPUT_MAX = 32;
    static final String ISSUER = "Thaw";
    static final String TOTP_FACTOR = "FACTOR_TOTP";
    static final String RECOVERY_CODE_FACTOR = "FACTOR_RECOVERY_CODE";

    private final StaffSecondFactorRepository factors;
    private final RecoveryCodeRepository recoveryCodes;
    private final StaffAccountRepository accounts;
    private final KnownDevices devices;
    private final SignInCompletion completion;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<DemoCodeHint> demoHint;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SecondFactorService(StaffSecondFactorRepository factors, RecoveryCodeRepository recoveryCodes,
                        StaffAccountRepository accounts, KnownDevices devices, SignInCompletion completion,
                        ApplicationEventPublisher events, ObjectProvider<DemoCodeHint> demoHint,
                        PlatformTransactionManager transactions, Clock clock) {
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.accounts = accounts;
        this.devices = devices;
        this.completion = completion;
        this.events = events;
        this.demoHint = demoHint;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether the half-signed-in staff member has a confirmed authenticator (if not, they enrol first). */
    @RolesAllowed(Roles.PASSWORD_VERIFIED)
    @Transactional(readOnly = true)
    public boolean isEnrolled() {
        return factors.findByStaffId(pending().staffId()).map(StaffSecondFactor::isConfirmed).orElse(false);
    }

    /** A new secret for the authenticator app, replacing any unconfirmed one from an abandoned try. */
    @RolesAllowed(Roles.PASSWORD_VERIFIED)
    @Transactional
    public Enrolment beginEnrolment() {
        PendingSignIn who = pending();
        String secret = TotpCodes.newSecret();
        var existing = factors.lockByStaffId(who.staffId());
        if (existing.isPresent()) {
            existing.get().replaceUnconfirmedSecret(secret, clock.instant());
        } else {
            factors.save(new StaffSecondFactor(who.staffId(), secret, clock.instant()));
        }
        var data = new QrData.Builder().label(who.username()).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(TotpCodes.DIGITS).period(TotpCodes.PERIOD_SECONDS).build();
        return new Enrolment(secret, qrCode(data), data.getUri());
    }

    /**
     * Confirms the new authenticator with its first code and finishes the sign-in. Returns the ten recovery codes,
     * to be shown once; empty when the code was wrong.
     */
    @RolesAllowed(Roles.PASSWORD_VERIFIED)
    public Optional<List<String>> confirmEnrolment(String typed) {
        PasswordVerifiedAuthentication half = pendingAuthentication();
        PendingSignIn who = half.getPrincipal();
        if (completion.paused(who)) {
            completion.refused(who);
            return Optional.empty();
        }
        List<String> codes = transaction.execute(status -> {
            StaffSecondFactor factor = factors.lockByStaffId(who.staffId())
                    .orElseThrow(() -> new IllegalStateException("Enrolment was not started"));
            if (factor.isConfirmed()) {
                throw new IllegalStateException("Already enrolled");
            }
            var step = TotpCodes.matchingStep(factor.getSecret(), strip(typed), clock.instant(), null);
            if (step.isEmpty()) {
                return List.<String>of();
            }
            factor.confirm(clock.instant(), step.getAsLong());
            recoveryCodes.deleteByStaffId(who.staffId());
            List<String> fresh = RecoveryCodes.generate();
            Instant now = clock.instant();
            recoveryCodes.saveAll(fresh.stream().map(code -> new RecoveryCode(who.staffId(),
                    RecoveryCodes.hash(RecoveryCodes.normalise(code).orElseThrow()), now)).toList());
            events.publishEvent(new SecondFactorEvent(Kind.ENROLLED, who.staffId(), who.username(),
                    who.displayName(), null));
            return fresh;
        });
        if (codes == null || codes.isEmpty()) {
            completion.refused(who);
            return Optional.empty();
        }
        completion.complete(half, TOTP_FACTOR);
        return Optional.of(codes);
    }

    /** Checks a code from the authenticator, or a recovery code, and on success finishes the sign-in. */
    @RolesAllowed(Roles.PASSWORD_VERIFIED)
    public Verification verify(String typed) {
        PasswordVerifiedAuthentication half = pendingAuthentication();
        PendingSignIn who = half.getPrincipal();
        String code = strip(typed);
        if (completion.paused(who) || code.length() > CODE_INPUT_MAX) {
            completion.refused(who);
            return Verification.refused();
        }
        Verification result = transaction.execute(status -> TotpCodes.looksLikeCode(code)
                ? checkTotp(who, code) : checkRecoveryCode(who, code));
        if (result == null || !result.accepted()) {
            completion.refused(who);
            return Verification.refused();
        }
        completion.complete(half, result.usedRecoveryCode() ? RECOVERY_CODE_FACTOR : TOTP_FACTOR);
        return result;
    }

    /** On the verification page in the dev profile only: a demo account's current code. */
    @RolesAllowed(Roles.PASSWORD_VERIFIED)
    @Transactional(readOnly = true)
    public Optional<String> demoHint() {
        DemoCodeHint hint = demoHint.getIfAvailable();
        if (hint == null) {
            return Optional.empty();
        }
        return factors.findByStaffId(pending().staffId()).filter(StaffSecondFactor::isConfirmed)
                .flatMap(factor -> hint.currentCode(factor.getSecret(), clock.instant()));
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public boolean isEnrolled(StaffId staffId) {
        return factors.findByStaffId(staffId.value()).map(StaffSecondFactor::isConfirmed).orElse(false);
    }

    /**
     * Removes a staff member's authenticator and recovery codes (a lost phone): they set up a new one at their
     * next sign-in. Their sessions end too, as with a password reset: the phone may be in someone else's hands.
     */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void reset(StaffId staffId) {
        var account = accounts.findById(staffId.value())
                .orElseThrow(() -> new IllegalArgumentException("No staff account " + staffId.value()));
        factors.deleteByStaffId(staffId.value());
        recoveryCodes.deleteByStaffId(staffId.value());
        account.authenticatorReset();
        devices.forget(staffId.value());
        events.publishEvent(new SecondFactorEvent(Kind.RESET, staffId.value(), account.getUsername(),
                account.getDisplayName(), null));
    }

    private Verification checkTotp(PendingSignIn who, String code) {
        var factor = factors.lockByStaffId(who.staffId()).filter(StaffSecondFactor::isConfirmed);
        if (factor.isEmpty()) {
            return Verification.refused();
        }
        var step = TotpCodes.matchingStep(factor.get().getSecret(), code, clock.instant(),
                factor.get().getLastUsedStep());
        if (step.isEmpty()) {
            return Verification.refused();
        }
        factor.get().used(step.getAsLong());
        return new Verification(true, false, recoveryCodes.countUnused(who.staffId()));
    }

    private Verification checkRecoveryCode(PendingSignIn who, String typed) {
        boolean enrolled = factors.findByStaffId(who.staffId()).map(StaffSecondFactor::isConfirmed).orElse(false);
        var code = RecoveryCodes.normalise(typed)
                .flatMap(normalised -> recoveryCodes.lockUnused(who.staffId(), RecoveryCodes.hash(normalised)));
        if (!enrolled || code.isEmpty()) {
            return Verification.refused();
        }
        code.get().use(clock.instant());
        recoveryCodes.flush();
        int left = recoveryCodes.countUnused(who.staffId());
        events.publishEvent(new SecondFactorEvent(Kind.RECOVERY_CODE_USED, who.staffId(), who.username(),
                who.displayName(), left + (left == 1 ? " recovery code left" : " recovery codes left")));
        return new Verification(true, true, left);
    }

    private static String strip(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s", "");
    }

    private static String qrCode(QrData data) {
        var generator = new ZxingPngQrGenerator();
        try {
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the enrolment QR code", e);
        }
    }

    private PendingSignIn pending() {
        return pendingAuthentication().getPrincipal();
    }

    private static PasswordVerifiedAuthentication pendingAuthentication() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PasswordVerifiedAuthentication half) {
            return half;
        }
        throw new AuthenticationCredentialsNotFoundException("No sign-in is waiting for its second factor");
    }
}
