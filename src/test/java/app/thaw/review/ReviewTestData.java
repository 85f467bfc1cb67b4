package app.thaw.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.security.StaffUser;

/**
 * Creates intakes the way clients do (draft, answers, submit) and runs code as a given staff member.
 * The test database is shared by every test of a JVM, so tests give their clients a unique surname
 * ({@link #uniqueWord()}) and search the queue for it.
 */
public final class ReviewTestData {

    private final IntakeService intake;
    private final UserDetailsService staff;
    private final JdbcTemplate jdbc;

    public ReviewTestData(IntakeService intake, UserDetailsService staff, JdbcTemplate jdbc) {
        this.intake = intake;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    /** A submitted intake as the review side knows it. */
    public record Submitted(long id, String reference, SubmissionReceipt receipt) {
    }

    public Submitted submit(Answers answers) {
        return submitWith(null, answers);
    }

    /** The second partner's intake, through the first partner's invitation link. */
    public Submitted submitPartner(String invitationToken, Answers answers) {
        return submitWith(invitationToken, answers);
    }

    private Submitted submitWith(String invitationToken, Answers answers) {
        String address = address();
        String token = intake.startDraft(invitationToken, address).orElseThrow().token();
        assertThat(intake.saveAnswers(token, answers.asMap(), "consent")).isTrue();
        SubmissionOutcome outcome = intake.submit(token, address, false);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Submitted.class);
        SubmissionReceipt receipt = ((SubmissionOutcome.Submitted) outcome).receipt();
        long id = jdbc.queryForObject("select id from intake where reference = ?", Long.class, receipt.reference());
        return new Submitted(id, receipt.reference(), receipt);
    }

    public StaffUser user(String username) {
        return (StaffUser) staff.loadUserByUsername(username);
    }

    public long idOf(String username) {
        return user(username).id();
    }

    /** Runs the work signed in as the given demo account, then restores whoever was signed in before. */
    public <T> T as(String username, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        StaffUser user = user(username);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
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

    /**
     * Like {@link #as(String, Runnable)}, on a thread of its own: inside a browserless UI test the Vaadin session's
     * security context wins over the thread's, so switching users needs a thread without a Vaadin session.
     */
    public void asInOwnThread(String username, Runnable work) {
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread thread = new Thread(() -> {
            try {
                as(username, work);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new AssertionError("Failed as " + username, failure.get());
        }
    }

    /** The audit lines about one intake, oldest first. */
    public List<Map<String, Object>> audit(long intakeId) {
        return jdbc.queryForList("select action, actor_id, actor_name, detail, case_reference from audit_entry "
                + "where intake_id = ? order by id", intakeId);
    }

    public List<String> auditActions(long intakeId) {
        return audit(intakeId).stream().map(row -> (String) row.get("action")).toList();
    }

    /** A made-up surname no other test uses: letters only, so the name search treats it as one word. */
    public static String uniqueWord() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder("Zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** Each intake its own client address, so the per-address rate limit never bites. */
    public static String address() {
        var random = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "10.%d.%d.%d", 100 + random.nextInt(100), random.nextInt(256),
                random.nextInt(256));
    }
}
