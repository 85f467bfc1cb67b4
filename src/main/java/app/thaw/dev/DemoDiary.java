package app.thaw.dev;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.Application;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.RequestedType;
import app.thaw.scheduling.DemoDiarySeeding;
import app.thaw.scheduling.SessionFormat;

/**
 * Rooms, the demo therapists' weeks and a handful of first sessions for local runs: Amira reviewed and referred each
 * of those clients the day after they wrote, and booked them then.
 */
@Component
@Profile("dev")
class DemoDiary {

    private static final int BOOKED = 4;

    private final DemoDiarySeeding diary;
    private final CaseAccess access;
    private final DemoReview review;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDiary(DemoDiarySeeding diary, CaseAccess access, DemoReview review, PlatformTransactionManager transactions,
              Clock clock) {
        this.diary = diary;
        this.access = access;
        this.review = review;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Runs as the system (DemoData). Returns the clients booked. */
    List<DemoClient> create(DemoStaff staff, List<DemoClient> clients) {
        Instant now = clock.instant();
        Instant threeWeeksAgo = now.minus(Duration.ofDays(22));
        List<DemoClient> routine = clients.stream().filter(c -> !c.urgent() && !c.couple()
                && c.requestedType() == RequestedType.INDIVIDUAL && c.submittedAt().isAfter(threeWeeksAgo))
                .limit(BOOKED).toList();
        List<Instant> referred = new ArrayList<>();
        for (DemoClient client : routine) {
            Instant nextDay = client.submittedAt().plus(Duration.ofDays(1));
            Instant at = nextDay.isBefore(now) ? nextDay : now.minus(Duration.ofMinutes(5));
            review.refer("amira", at, client, null, false, intake -> { });
            referred.add(at);
        }
        transaction.executeWithoutResult(status -> {
            List<Long> rooms = List.of(diary.addRoom("Room 1 · Ancoats"), diary.addRoom("Room 2 · Garden room"),
                    diary.addRoom("Room 3 · Quiet room"));
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                diary.addHours(staff.amira(), day, LocalTime.of(9, 0), LocalTime.of(17, 0));
                diary.addHours(staff.grace(), day, LocalTime.of(10, 0), LocalTime.of(18, 0));
            }
            for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
                diary.addHours(staff.tom(), day, LocalTime.of(12, 0), LocalTime.of(20, 0));
            }
            diary.addHours(staff.tom(), DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0));
            LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
            diary.addAnnualLeave(staff.grace(), today.plusDays(10), today.plusDays(14));
            bookFirstSessions(rooms, staff.amira(), today, routine, referred);
        });
        return routine;
    }

    /** Individual sessions next week in Amira's diary, each booked when she referred its client. */
    private void bookFirstSessions(List<Long> rooms, long amira, LocalDate today, List<DemoClient> routine,
                                   List<Instant> referred) {
        LocalDate monday = today.plusDays(8 - today.getDayOfWeek().getValue());
        for (int i = 0; i < routine.size(); i++) {
            ZonedDateTime start = ZonedDateTime.of(monday.plusDays(i), LocalTime.of(10 + i, 0),
                    Application.PRACTICE_ZONE);
            diary.addSession(List.of(access.require(routine.get(i).intakeId(), CaseOperation.BOOK_SESSION)), amira,
                    rooms.get(i % 3), "INDIVIDUAL", SessionFormat.IN_PERSON, start.toInstant(),
                    start.plusMinutes(50).toInstant(), referred.get(i), false);
        }
    }
}
