package app.thaw.dev;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
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
import app.thaw.dev.DemoIntakes.DemoForm;
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
     * Steps for the couple and the individual who wrote two months ago: referred by Amira two days later, five weekly
     * sessions each with repeat measures (the couple's next one booked, the individual's course ended after their
     * last); then a year of earlier courses for the practice's results. Returns the forms of the three in therapy.
     */
    List<DemoForm> plan(DemoTimeline timeline, DemoStaff staff, List<DemoForm> forms, DemoIntakes.Sent sent) {
        List<DemoForm> early = forms.stream().filter(f -> f.index() < DemoIntakes.IN_THERAPY && !f.urgent()).toList();
        Optional<DemoForm> first = early.stream().filter(f -> f.couple() && f.invitedBy() == null).findFirst();
        Optional<DemoForm> second = first.flatMap(f -> early.stream().filter(p -> f.equals(p.invitedBy())).findFirst());
        Optional<DemoForm> individual = early.stream().filter(DemoForm::routineAlone).findFirst();
        if (first.isEmpty() || second.isEmpty() || individual.isEmpty()) {
            return List.of();
        }
        List<DemoForm> couple = List.of(first.get(), second.get());
        timeline.at(second.get().at().plus(Duration.ofDays(2)), () -> review.refer("amira",
                sent.intakeId(first.get()), sent.intakeId(second.get()), false, intake -> { }));
        timeline.at(individual.get().at().plus(Duration.ofDays(2)), () -> review.refer("amira",
                sent.intakeId(individual.get()), null, false, intake -> { }));
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        // in Amira's working week: the couple on Tuesdays at two, the individual on Wednesdays at three
        LocalDate coupleLast = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        LocalDate individualLast = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        // the couple: one partner's mood lifts week by week, the other's does not; their sessions go on
        weekly(timeline, sent, couple, staff.amira(), coupleLast, LocalTime.of(14, 0), "COUPLES",
                new int[][] {{12, 10, 8, 6}, {9, 11, 12, 13}});
        LocalDate next = coupleLast.plusWeeks(1).isAfter(today) ? coupleLast.plusWeeks(1) : coupleLast.plusWeeks(2);
        ZonedDateTime nextStart = ZonedDateTime.of(next, LocalTime.of(14, 0), Application.PRACTICE_ZONE);
        timeline.at(ZonedDateTime.of(coupleLast, LocalTime.of(15, 30), Application.PRACTICE_ZONE).toInstant(),
                () -> transaction.executeWithoutResult(status -> diary.addSession(couple.stream()
                        .map(f -> access.require(sent.intakeId(f), CaseOperation.BOOK_SESSION)).toList(),
                        staff.amira(), null, "COUPLES", SessionFormat.ONLINE, nextStart.toInstant(),
                        nextStart.plus(length("COUPLES")).toInstant(), clock.instant(), false)));
        // the individual: five sessions, then the course ends with low scores (recovered)
        weekly(timeline, sent, List.of(individual.get()), staff.amira(), individualLast, LocalTime.of(15, 0),
                "INDIVIDUAL", new int[][] {{11, 8, 5, 3}});
        Instant ended = ZonedDateTime.of(individualLast, LocalTime.of(17, 0), Application.PRACTICE_ZONE).toInstant();
        timeline.at(ended, () -> transaction.executeWithoutResult(status -> care.record(
                clinical(sent.intakeId(individual.get())), CareEvent.therapyEnded(TherapyOutcome.COMPLETED, ended))));
        List<DemoForm> inTherapy = List.of(first.get(), second.get(), individual.get());
        timeline.at(clock.instant(), () -> transaction.executeWithoutResult(status -> {
            intakes.publishStatusPage(clinical(sent.intakeId(first.get())), DEMO_STATUS_TOKEN);
            outcomes.addEarlierCourses(forms.stream().filter(f -> !inTherapy.contains(f))
                            .map(f -> clinical(sent.intakeId(f))).toList(),
                    List.of(staff.amira(), staff.tom(), staff.grace()).stream().sorted().toList());
        }));
        return inTherapy;
    }

    /** A step for each weekly attended session (the last on {@code lastDay}), at its time. */
    private void weekly(DemoTimeline timeline, DemoIntakes.Sent sent, List<DemoForm> clients, long therapist,
                        LocalDate lastDay, LocalTime at, String service, int[][] moods) {
        for (int week = 0; week < SESSIONS; week++) {
            ZonedDateTime start = ZonedDateTime.of(lastDay.minusWeeks(SESSIONS - 1L - week), at,
                    Application.PRACTICE_ZONE);
            int number = week;
            timeline.at(start.toInstant(), () -> transaction.executeWithoutResult(status -> session(
                    clients.stream().map(sent::intakeId).toList(), therapist, start, service, number, moods)));
        }
    }

    /** The week's session, booked a week before and attended, with the measures answered before it. */
    private void session(List<Long> clients, long therapist, ZonedDateTime start, String service, int week,
                         int[][] moods) {
        List<CaseGrant> booking = clients.stream().map(c -> access.require(c, CaseOperation.BOOK_SESSION)).toList();
        long appointment = diary.addSession(booking, therapist, null, service, SessionFormat.ONLINE,
                start.toInstant(), start.plus(length(service)).toInstant(), start.minusDays(7).toInstant(), true);
        for (int i = 0; i < clients.size(); i++) {
            CaseGrant grant = clinical(clients.get(i));
            if (week == 0) {
                outcomes.startCourse(grant, service, therapist, start.toInstant());
            } else {
                int[] mood = moods[i];
                outcomes.answerBeforeSession(grant, appointment, start.toInstant(),
                        mood[Math.min(week - 1, mood.length - 1)], clients.size() > 1);
            }
        }
    }

    /** The practice's default lengths: a couples session 80 minutes, an individual one 50. */
    private static Duration length(String service) {
        return Duration.ofMinutes("COUPLES".equals(service) ? 80 : 50);
    }

    private CaseGrant clinical(long intake) {
        return access.require(intake, CaseOperation.READ_CLINICAL);
    }
}
