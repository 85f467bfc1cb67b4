package app.thaw.security;


import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Staff accounts made the way the practice makes them: invited by an admin, password chosen with the link. */
public class StaffFixtures {

    public static final String PASSWORD = "slow rivers carry autumn leaves";

    private final StaffAdministration administration;
    private final StaffPasswords passwords;
    private final StaffAccountService accounts;

    public StaffFixtures(StaffAdministration administration, StaffPasswords passwords, StaffAccountService accounts) {
        this.administration = administration;
        this.passwords = passwords;
        this.accounts = accounts;
    }

    public record Member(long id, String username, String displayName) {
    }

    /** A fresh account with {@link #PASSWORD}, invited by the demo admin. */
    public Member member(StaffRole role) {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Test " + username.toUpperCase();
        IssuedLink link = as("admin", () -> administration.invite(
                new NewStaffMember(name, username, username + "@example.org", role)));
        passwords.chooseWithLink(token(link), PASSWORD, PASSWORD);
        long id = as("admin", () -> administration.team()).stream().filter(m -> m.username().equals(username))
                .findFirst().orElseThrow().id();
        return new Member(id, username, name);
    }

    public static String token(IssuedLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    /** Runs the work as this signed-in staff member, on the calling thread. */
    /** A signed-in context for the account as it is now, to act with later (as a request already under way does). */
    public org.springframework.security.core.context.SecurityContext signedIn(String username) {
        var user = (StaffUser) accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        return context;
    }

    public <T> T as(String username, Supplier<T> work) {
        var context = signedIn(username);
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

}
