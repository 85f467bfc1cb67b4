package app.thaw.dev;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.Application;
import app.thaw.care.CareEvent;
import app.thaw.care.CareRecords;
import app.thaw.care.TherapyOutcome;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.DemoIntakeSeeding;
import app.thaw.outcomes.DemoOutcomeSeeding;
import app.thaw.scheduling.DemoDiarySeeding;
import app.thaw.scheduling.SessionFormat;

/**
 * Local runs: a couple in therapy with Dr Amira Khan (one partner getting better, the other not) and an individual
 * whose course ended in recovery, each with several repeat measures before weekly sessions, plus earlier finished
 * courses so the practice's results have a year to show.
 */
@Component
@Profile("dev")
class DemoOutcomes {

    private static final int SESSIONS = 5;
    /** The improving partner's status page in local runs (published in the README, like the demo logins). */
    static final String DEMO_STATUS_TOKEN = "demo-status-page-of-the-couple-measures-000";

    private final CaseAccess access;
    private final CareRecords care;
    private final DemoDiarySeeding diary;
    private final DemoOutcomeSeeding outcomes;
    private final DemoIntakeSeeding intakes;
    private final DemoReview review;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoOutcomes(CaseAccess access, CareRecords care, DemoDiarySeeding diary, DemoOutcomeSeeding outcomes,
                 DemoIntakeSeeding intakes, DemoReview review, PlatformTransactionManager transactions, Clock clock) {
        this.access = access;
        this.care = care;
        this.diary = diary;
        this.outcomes = outcomes;
        this.intakes = intakes;
        this.review = review;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs as the system (DemoData) on clients nobody has booked yet: the couple and the individual who wrote two
     * months ago, referred by Amira two days later; false when there are none to use.
     */
    boolean create(DemoStaff staff, List<DemoClient> unbooked, List<DemoClient> all) {
        Instant twoMonthsAgo = clock.instant().minus(DemoIntakes.IN_THERAPY_WROTE.minusDays(7));
        List<DemoClient> routine = unbooked.stream().filter(c -> !c.urgent())
                .filter(c -> c.submittedAt().isBefore(twoMonthsAgo)).toList();
        Optional<List<DemoClient>> pair = routine.stream().filter(c -> c.partner() != null)
                .flatMap(c -> routine.stream().filter(p -> Objects.equals(c.partner(), p.intakeId())).map(p -> List.of(c, p)))
                .findFirst();
        Optional<DemoClient> individual = routine.stream().filter(c -> !c.couple()).findFirst();
        if (pair.isEmpty() || individual.isEmpty()) {
            return false;
        }
        List<DemoClient> couple = pair.get();
        review.refer("amira", couple.get(1).submittedAt().plus(Duration.ofDays(2)), couple.get(0), couple.get(1),
                false, intake -> { });
        review.refer("amira", individual.get().submittedAt().plus(Duration.ofDays(2)), individual.get(), null, false,
                intake -> { });
        inTherapy(staff, couple, individual.get(), all);
        return true;
    }

    /** Each week's session, and the course's end, in a transaction of its own at its time, as its history shows. */
    private void inTherapy(DemoStaff staff, List<DemoClient> couple, DemoClient individual, List<DemoClient> all) {
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        // the couple: Alex's mood lifts week by week, Sam's does not; their sessions go on
        weekly(couple, staff.amira(), today, LocalTime.of(17, 0), "COUPLES",
                Map.of(couple.get(0).intakeId(), new int[] {12, 10, 8, 6},
                        couple.get(1).intakeId(), new int[] {9, 11, 12, 13}));
        // the individual: five sessions, then the course ends with low scores (recovered)
        weekly(List.of(individual), staff.amira(), today.minusDays(1), LocalTime.of(15, 0), "INDIVIDUAL",
                Map.of(individual.intakeId(), new int[] {11, 8, 5, 3}));
        Instant ended = today.minusDays(2).atTime(12, 0).atZone(Application.PRACTICE_ZONE).toInstant();
        DemoClock.at(ended, () -> transaction.executeWithoutResult(status ->
                care.record(clinical(individual), CareEvent.therapyEnded(TherapyOutcome.COMPLETED, ended))));
        List<DemoClient> others = all.stream().filter(c -> !couple.contains(c) && !c.equals(individual)).toList();
        transaction.executeWithoutResult(status -> {
            intakes.publishStatusPage(clinical(couple.getFirst()), DEMO_STATUS_TOKEN);
            outcomes.addEarlierCourses(others.stream().map(this::clinical).toList(),
                    List.of(staff.amira(), staff.tom(), staff.grace()).stream().sorted().toList());
        });
    }

    /** Weekly attended sessions (the last a week ago), the intake as the first measure, a repeat before each next. */
    private void weekly(List<DemoClient> clients, long therapist, LocalDate lastDay, LocalTime at, String service,
                        Map<Long, int[]> moods) {
        List<CaseGrant> booking = clients.stream()
                .map(c -> access.require(c.intakeId(), CaseOperation.BOOK_SESSION)).toList();
        for (int week = 0; week < SESSIONS; week++) {
            ZonedDateTime start = ZonedDateTime.of(lastDay.minusWeeks(SESSIONS - week), at, Application.PRACTICE_ZONE);
            int number = week;
            DemoClock.at(start.toInstant(), () -> transaction.executeWithoutResult(status ->
                    session(clients, booking, therapist, start, service, number, moods)));
        }
    }

    /** The week's session, booked a week before and attended, with the measures answered before it. */
    private void session(List<DemoClient> clients, List<CaseGrant> booking, long therapist, ZonedDateTime start,
                         String service, int week, Map<Long, int[]> moods) {
        long appointment = diary.addSession(booking, therapist, null, service, SessionFormat.ONLINE,
                start.toInstant(), start.plusMinutes(50).toInstant(), start.minusDays(7).toInstant(), true);
        for (DemoClient client : clients) {
            CaseGrant grant = clinical(client);
            if (week == 0) {
                outcomes.startCourse(grant, service, therapist, start.toInstant());
            } else {
                int[] mood = Objects.requireNonNull(moods.get(client.intakeId()), "every demo client has moods");
                outcomes.answerBeforeSession(grant, appointment, start.toInstant(),
                        mood[Math.min(week - 1, mood.length - 1)], clients.size() > 1);
            }
        }
    }

    private CaseGrant clinical(DemoClient client) {
        return access.require(client.intakeId(), CaseOperation.READ_CLINICAL);
    }
}
