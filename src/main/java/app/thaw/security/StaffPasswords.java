package app.thaw.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import app.thaw.base.domain.SecretToken;
import app.thaw.security.LinkCheck.State;
import app.thaw.security.StaffInputProblem.Field;
import app.thaw.security.domain.PasswordLink;
import app.thaw.security.domain.PasswordLinkRepository;
import app.thaw.security.domain.StaffAccount;
import app.thaw.security.domain.StaffAccountRepository;

/**
 * Staff choosing their own password: with an invitation or reset link (nobody signed in; the link is the
 * capability) or, signed in, by giving the current one. Every new password passes {@link PasswordPolicy}.
 */
@Service
@Transactional
public class StaffPasswords {

    private final StaffAccountRepository accounts;
    private final PasswordLinkRepository links;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffPasswords(StaffAccountRepository accounts, PasswordLinkRepository links, PasswordEncoder encoder,
                   SignInThrottle throttle, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.encoder = encoder;
        this.policy = PasswordPolicy.bundled();
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a link still works, checked when its page opens; says nothing about whose it is unless it does. */
    @PermitAll
    @Transactional(readOnly = true)
    public LinkCheck check(String token) {
        return lookUp(token, false).check();
    }

    /**
     * Sets the password of the link's owner and uses the link up. Throws {@link StaffInputProblem} for a
     * password the policy refuses (the link stays usable) and {@link StaffActionRefused} when the link no
     * longer works. The person then signs in as usual.
     */
    @PermitAll
    public void chooseWithLink(String token, String password, String repeated) {
        Found found = lookUp(token, true);
        if (!found.check().isValid()) {
            throw new StaffActionRefused(refusal(found.check().state()));
        }
        StaffAccount account = Objects.requireNonNull(found.account(), "a valid link has its account");
        PasswordLink link = Objects.requireNonNull(found.link(), "a valid link was found");
        acceptable(account, password, repeated);
        account.setPassword(Objects.requireNonNull(encoder.encode(password), "a password encodes to a hash"));
        link.use(clock.instant());
        events.publishEvent(new StaffAccountChanged(StaffChange.PASSWORD_CHOSEN, account.getId(),
                account.getDisplayName(), account.getUsername(),
                link.getPurpose() == LinkPurpose.INVITATION ? "with the invitation link" : "with a reset link"));
    }

    /**
     * Changes the signed-in staff member's password after checking the current one (wrong guesses count
     * towards the sign-in pause). Their other sessions end; this one carries on.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.ADMIN, Roles.CLINICAL_LEAD})
    public void changeOwn(String current, String password, String repeated) {
        StaffUser me = currentUser.require();
        String throttleKey = SignInThrottle.accountKey(me.username());
        if (throttle.isBlocked(throttleKey)) {
            throw new StaffInputProblem(Field.CURRENT_PASSWORD, "Too many wrong tries: wait a few minutes, "
                    + "then try again.");
        }
        StaffAccount account = accounts.findById(me.id()).orElseThrow();
        if (current == null || account.getPasswordHash() == null
                || !encoder.matches(current, account.getPasswordHash())) {
            throttle.recordFailure(throttleKey);
            throw new StaffInputProblem(Field.CURRENT_PASSWORD, "That isn't your current password. Check it "
                    + "and try again.");
        }
        acceptable(account, password, repeated);
        if (PasswordPolicy.normalise(password).equals(PasswordPolicy.normalise(current))) {
            throw new StaffInputProblem(Field.NEW_PASSWORD, "That is your current password. Choose a new one.");
        }
        account.setPassword(Objects.requireNonNull(encoder.encode(password), "a password encodes to a hash"));
        accounts.flush();
        events.publishEvent(new StaffAccountChanged(StaffChange.PASSWORD_CHANGED, account.getId(),
                account.getDisplayName(), account.getUsername(), "other sessions ended"));
        keepThisSession(StaffAccountService.toUser(account));
    }

    private void acceptable(StaffAccount account, String password, String repeated) {
        Optional<String> problem = policy.problem(password == null ? "" : password,
                new PasswordPolicy.Person(account.getUsername(), account.getDisplayName(), account.getEmail()));
        if (problem.isPresent()) {
            throw new StaffInputProblem(Field.NEW_PASSWORD, problem.get());
        }
        if (!password.equals(repeated)) {
            throw new StaffInputProblem(Field.REPEATED_PASSWORD, "The two passwords are different. Type the "
                    + "same password in both boxes.");
        }
    }

    /** The new password raised the session generation; this session takes the new one so it stays signed in. */
    private static void keepThisSession(StaffUser updated) {
        var context = SessionPrincipal.renewed(SecurityContextHolder.getContext().getAuthentication(), updated);
        SecurityContextHolder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            var session = request.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }

    private Found lookUp(String token, boolean forUpdate) {
        if (!SecretToken.isWellFormed(token)) {
            return new Found(LinkCheck.refused(State.UNKNOWN, null), null, null);
        }
        String hash = SecretToken.hash(token);
        Optional<PasswordLink> link = forUpdate ? links.findForUpdate(hash) : links.findByTokenHash(hash);
        if (link.isEmpty()) {
            return new Found(LinkCheck.refused(State.UNKNOWN, null), null, null);
        }
        PasswordLink found = link.get();
        StaffAccount account = accounts.findById(found.getStaffId()).orElseThrow();
        Instant now = clock.instant();
        State state;
        if (found.getUsedAt() != null) {
            state = State.USED;
        } else if (found.getRevokedAt() != null || !account.isActive()) {
            state = State.REPLACED;
        } else if (!found.getExpiresAt().isAfter(now)) {
            state = State.EXPIRED;
        } else {
            return new Found(new LinkCheck(State.VALID, found.getPurpose(), account.getDisplayName(),
                    account.getUsername()), found, account);
        }
        return new Found(LinkCheck.refused(state, found.getPurpose()), found, account);
    }

    /** The calm refusal for a link that no longer works, with the way forward. */
    public static String refusal(State state) {
        return switch (state) {
            case EXPIRED -> "This link has expired: links to choose a password work for "
                    + LinkPurpose.INVITATION.validFor().toHours() + " hours. Ask your practice manager to send "
                    + "you a new one.";
            case USED -> "This link has already been used to choose a password. If that was you, sign in. If it "
                    + "wasn't, tell your practice manager straight away.";
            case REPLACED -> "This link no longer works, because a newer one was sent or the account was changed. "
                    + "Use the newest email, or ask your practice manager.";
            case UNKNOWN -> "This link doesn't work. It may have been copied only in part: try copying the whole "
                    + "link from the email, or ask your practice manager for a new one.";
            case VALID -> "";
        };
    }

    private record Found(LinkCheck check, @Nullable PasswordLink link, @Nullable StaffAccount account) {
    }
}
