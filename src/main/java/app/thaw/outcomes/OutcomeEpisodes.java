package app.thaw.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import app.thaw.Application;
import app.thaw.care.CareRecords;
import app.thaw.care.CourseOfCare;
import app.thaw.care.TherapyEnded;
import app.thaw.care.TherapyStarted;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.IntakeSubmitted;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.review.CaseAssignments;
import app.thaw.security.SystemActor;

/**
 * Follows the course of care (care's events, never a second model): a form arriving gives the first measure, a
 * course starting opens its outcome episode, a course ending closes it and adds it to the month's summary row. Runs
 * once the change is committed, as the practice.
 */
@Component
class OutcomeEpisodes {

    private final CaseAccess access;
    private final MeasureRecords records;
    private final EpisodeStore episodes;
    private final CareRecords care;
    private final SubmittedIntakes intakes;
    private final CaseAssignments assignments;

    OutcomeEpisodes(CaseAccess access, MeasureRecords records, EpisodeStore episodes, CareRecords care,
                    SubmittedIntakes intakes, CaseAssignments assignments) {
        this.access = access;
        this.records = records;
        this.episodes = episodes;
        this.care = care;
        this.intakes = intakes;
        this.assignments = assignments;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(IntakeSubmitted submitted) {
        SystemActor.run(() -> records.recordIntake(access.require(submitted.intakeId(), CaseOperation.READ_CLINICAL)));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TherapyStarted started) {
        SystemActor.run(() -> open(access.require(started.intakeId(), CaseOperation.READ_CLINICAL),
                started.startedAt()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(TherapyEnded ended) {
        SystemActor.run(() -> {
            CaseGrant grant = access.require(ended.intakeId(), CaseOperation.READ_CLINICAL);
            if (episodes.openEpisode(grant.intakeId()).isEmpty()) {
                CourseOfCare course = care.stage(grant).course();
                open(grant, course.started() != null ? course.started() : ended.endedAt());
            }
            EpisodeStore.Episode episode = episodes.openEpisode(grant.intakeId()).orElseThrow();
            var outcome = TalkingTherapiesOutcome.of(scores(episode.firstPhq9(), episode.firstGad7()),
                    scores(episode.lastPhq9(), episode.lastGad7()), episode.pairedSets() >= 2);
            int waitDays = (int) ChronoUnit.DAYS.between(day(episode.referredAt()), day(episode.startedAt()));
            long therapist = assignedTherapist(grant);
            episodes.close(episode, ended.endedAt(), ended.outcome().name(), therapist,
                    day(ended.endedAt()).withDayOfMonth(1),
                    new EpisodeStore.Contribution(ended.finishedTreatment(), outcome.paired(), outcome.caseAtStart(),
                            outcome.recovered(), outcome.reliableImprovement(), outcome.reliableDeterioration(),
                            outcome.reliableRecovery(), waitDays));
        });
    }

    private void open(CaseGrant grant, Instant startedAt) {
        records.recordIntake(grant);
        String service = grant.facts().coupleCaseId() != null ? "COUPLES" : "INDIVIDUAL";
        long therapist = assignedTherapist(grant);
        episodes.open(grant.intakeId(), service, therapist == 0 ? null : therapist,
                intakes.find(grant).submittedAt(), startedAt);
    }

    /** The case's therapist (0: none): the report's grouping only. Runs inside SystemActor, like every listener here. */
    private long assignedTherapist(CaseGrant grant) {
        return assignments.assigneeOf(grant).orElse(0L);
    }

    private static TalkingTherapiesOutcome.@Nullable Scores scores(@Nullable Integer phq9, @Nullable Integer gad7) {
        return phq9 == null || gad7 == null ? null : new TalkingTherapiesOutcome.Scores(phq9, gad7);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(Application.PRACTICE_ZONE).toLocalDate();
    }
}
