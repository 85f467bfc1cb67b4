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
import org.springframework.transaction.annotation.Transactional;

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
    private final Clock clock;

    DemoOutcomes(CaseAccess access, CareRecords care, DemoDiarySeeding diary, DemoOutcomeSeeding outcomes,
                 DemoIntakeSeeding intakes, Clock clock) {
        this.access = access;
        this.care = care;
        this.diary = diary;
        this.outcomes = outcomes;
        this.intakes = intakes;
        this.clock = clock;
    }

    /** Runs as the system (DemoData) on clients nobody has booked yet; false when there are none to use. */
    @Transactional
    boolean create(DemoStaff staff, List<DemoClient> unbooked, List<DemoClient> all) {
        List<DemoClient> routine = unbooked.stream().filter(c -> !c.urgent()).toList();
        Optional<List<DemoClient>> pair = routine.stream().filter(c -> c.partner() != null)
                .flatMap(c -> routine.stream().filter(p -> Objects.equals(c.partner(), p.intakeId())).map(p -> List.of(c, p)))
                .findFirst();
        Optional<DemoClient> individual = routine.stream().filter(c -> !c.couple()).findFirst();
        if (pair.isEmpty() || individual.isEmpty()) {
            return false;
        }
        List<DemoClient> couple = pair.get();
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        // the couple: Alex's mood lifts week by week, Sam's does not; their sessions go on
        weekly(couple, staff.amira(), today, LocalTime.of(17, 0), "COUPLES",
                Map.of(couple.get(0).intakeId(), new int[] {12, 10, 8, 6},
                        couple.get(1).intakeId(), new int[] {9, 11, 12, 13}));
        // the individual: five sessions, then the course ends with low scores (recovered)
        weekly(List.of(individual.get()), staff.amira(), today.minusDays(1), LocalTime.of(15, 0), "INDIVIDUAL",
                Map.of(individual.get().intakeId(), new int[] {11, 8, 5, 3}));
        Instant ended = today.minusDays(2).atTime(12, 0).atZone(Application.PRACTICE_ZONE).toInstant();
        care.record(clinical(individual.get()), CareEvent.therapyEnded(TherapyOutcome.COMPLETED, ended));
        intakes.publishStatusPage(clinical(couple.getFirst()), DEMO_STATUS_TOKEN);
        List<DemoClient> others = all.stream().filter(c -> !couple.contains(c) && !c.equals(individual.get())).toList();
        outcomes.addEarlierCourses(others.stream().map(this::clinical).toList(),
                List.of(staff.amira(), staff.tom(), staff.grace()).stream().sorted().toList());
        return true;
    }

    /** Weekly attended sessions (the last a week ago), the intake as the first measure, a repeat before each next. */
    private void weekly(List<DemoClient> clients, long therapist, LocalDate lastDay, LocalTime at, String service,
                        Map<Long, int[]> moods) {
        Instant referred = clock.instant().minus(Duration.ofDays(7L * SESSIONS + 14));
        for (DemoClient client : clients) {
            care.record(clinical(client), CareEvent.referred(service, referred));
        }
        List<CaseGrant> booking = clients.stream()
                .map(c -> access.require(c.intakeId(), CaseOperation.BOOK_SESSION)).toList();
        for (int week = 0; week < SESSIONS; week++) {
            ZonedDateTime start = ZonedDateTime.of(lastDay.minusWeeks(SESSIONS - week), at, Application.PRACTICE_ZONE);
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
    }

    private CaseGrant clinical(DemoClient client) {
        return access.require(client.intakeId(), CaseOperation.READ_CLINICAL);
    }
}
