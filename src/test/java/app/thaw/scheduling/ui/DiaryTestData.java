package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.Application;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;

/**
 * Cases submitted the way clients do, rooms added by the practice manager, and dates far enough ahead that
 * bookings are accepted. The database is shared by every test of a JVM: names are unique, and each test
 * books in a week of its own.
 */
final class DiaryTestData {

    record Case(long id, String reference, String name, SubmissionReceipt receipt) {
    }

    private final IntakeService intake;
    private final StaffAccountService staff;
    private final DiarySetupService setup;
    private final JdbcTemplate jdbc;

    DiaryTestData(IntakeService intake, StaffAccountService staff, DiarySetupService setup, JdbcTemplate jdbc) {
        this.intake = intake;
        this.staff = staff;
        this.setup = setup;
        this.jdbc = jdbc;
    }

    Case individual() {
        String name = uniqueWord() + " Client";
        return submit(null, IntakeFixtures.completeAnswers(name), name);
    }

    /** Both partners of a couple case, the first to send first. */
    Case[] couple() {
        String word = uniqueWord();
        Case first = submit(null, IntakeFixtures.couplesAnswers(word + " Alex"), word + " Alex");
        Case second = submit(first.receipt().partnerInvitationToken(), IntakeFixtures.couplesAnswers(word + " Sam"),
                word + " Sam");
        return new Case[] {first, second};
    }

    /**
     * A couple where the partner who joined said in their own form that they are afraid of the first: the case stays
     * linked, and joint work needs a clinical decision.
     */
    Case[] coupleWithFear() {
        String word = uniqueWord();
        Case first = submit(null, IntakeFixtures.couplesAnswers(word + " Alex"), word + " Alex");
        Case second = submit(first.receipt().partnerInvitationToken(), IntakeFixtures.couplesAnswers(word + " Sam")
                .with("safety.partner_fear", "yes"), word + " Sam");
        return new Case[] {first, second};
    }

    private Case submit(String invitation, Answers answers, String name) {
        String address = address();
        String token = intake.startDraft(invitation, address).orElseThrow().token();
        assertThat(intake.saveAnswers(token, answers.asMap(), "consent")).isTrue();
        SubmissionOutcome outcome = intake.submit(token, address, false);
        assertThat(outcome).isInstanceOf(SubmissionOutcome.Submitted.class);
        SubmissionReceipt receipt = ((SubmissionOutcome.Submitted) outcome).receipt();
        long id = jdbc.queryForObject("select id from intake where reference = ?", Long.class, receipt.reference());
        return new Case(id, receipt.reference(), name, receipt);
    }

    /** A room of its own for the test, added by the practice manager. */
    DiarySetupService.RoomView room() {
        String name = "Room " + uniqueWord();
        return as("admin", () -> setup.addRoom(name));
    }

    long idOf(String username) {
        return user(username).id();
    }

    private StaffUser user(String username) {
        return (StaffUser) staff.loadUserByUsername(username);
    }

    /**
     * Runs the work as the given demo account on a thread of its own: inside a browserless UI test the
     * Vaadin session's security context wins over the test thread's.
     */
    <T> T as(String username, Supplier<T> work) {
        return onOwnThread(username, work);
    }

    /** As a client on their status page: nobody signed in. */
    <T> T asClient(Supplier<T> work) {
        return onOwnThread(null, work);
    }

    private <T> T onOwnThread(String username, Supplier<T> work) {
        var result = new AtomicReference<T>();
        var failure = new AtomicReference<Throwable>();
        Thread thread = new Thread(() -> {
            var context = SecurityContextHolder.createEmptyContext();
            if (username != null) {
                StaffUser user = user(username);
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        user.getAuthorities()));
            }
            SecurityContextHolder.setContext(context);
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                SecurityContextHolder.clearContext();
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
        return result.get();
    }

    /** A Monday some weeks ahead, random so that tests (and reruns on one database) rarely meet. */
    /** Weeks a test's bookings may span from the chosen Monday (a weekly series and its moved occurrence). */
    private static final int SERIES_WEEKS = 8;

    static LocalDate futureMonday(Clock clock, int minWeeks) {
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        int weeks = minWeeks + ThreadLocalRandom.current().nextInt(400);
        LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeks);
        // the practice is closed on bank holidays: a week with one, or a weekly series running into one, would refuse
        // the test's bookings
        while (hasBankHoliday(monday)) {
            monday = monday.plusWeeks(1);
        }
        return monday;
    }

    private static boolean hasBankHoliday(LocalDate monday) {
        return BANK_HOLIDAYS.stream().anyMatch(day -> !day.isBefore(monday) && day.isBefore(monday.plusWeeks(SERIES_WEEKS)));
    }

    /** The bank holidays shipped with Thaw (closed unless the practice manager opens one). */
    static final java.util.List<LocalDate> BANK_HOLIDAYS = readBankHolidays();

    private static java.util.List<LocalDate> readBankHolidays() {
        try (var in = DiaryTestData.class.getResourceAsStream("/scheduling/bank-holidays-england-and-wales.csv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && Character.isDigit(line.charAt(0)))
                    .map(line -> LocalDate.parse(line.substring(0, line.indexOf(',')))).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ZonedDateTime uk(LocalDateTime local) {
        return ZonedDateTime.of(local, Application.PRACTICE_ZONE);
    }

    static String uniqueWord() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder("Zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static String address() {
        var random = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "10.%d.%d.%d", 100 + random.nextInt(100), random.nextInt(256),
                random.nextInt(256));
    }
}
