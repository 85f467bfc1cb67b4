package app.thaw.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.sql.Timestamp;
import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.security.Roles;

/**
 * Demo data only (ADR 18): the {@code dev} feature's repeat measures before past sessions, the course they belong to
 * and a year of earlier finished courses for the practice's results, written through the measures' own stores and
 * scorer. The bean exists in the dev profile alone, for the system identity.
 */
@Component
@Profile("dev")
public class DemoOutcomeSeeding {

    private static final int EARLIER_COURSES = 60;

    private final JdbcTemplate jdbc;
    private final MeasureRecords records;
    private final MeasureCatalog catalog;
    private final MeasureStore store;
    private final EpisodeStore episodes;
    private final SubmittedIntakes intakes;
    private final JsonMapper json;
    private final Clock clock;

    DemoOutcomeSeeding(JdbcTemplate jdbc, MeasureRecords records, MeasureCatalog catalog, MeasureStore store,
                       EpisodeStore episodes, SubmittedIntakes intakes, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.catalog = catalog;
        this.store = store;
        this.episodes = episodes;
        this.intakes = intakes;
        this.json = json;
        this.clock = clock;
    }

    /** The course starts with the first attended session; the intake's own answers are its first measure. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public void startCourse(CaseGrant grant, String serviceType, long therapistId, Instant startedAt) {
        grant.requireFor(CaseOperation.READ_CLINICAL);
        records.recordIntake(grant);
        episodes.open(grant.intakeId(), serviceType, therapistId, intakes.find(grant).submittedAt(), startedAt);
    }

    /** One repeat set answered the morning of the session: PHQ-9 at {@code phq9}, the rest following it. */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public void answerBeforeSession(CaseGrant grant, long appointment, Instant sessionStart, int phq9, boolean couple) {
        grant.requireFor(CaseOperation.READ_CLINICAL);
        long client = grant.intakeId();
        Instant answered = sessionStart.minus(Duration.ofHours(5));
        var set = SampleAnswers.forPhq9(catalog, phq9, couple);
        Map<String, Integer> scores = set.scores();
        var request = store.createRequest(client, appointment, Measure.store(set.measures()),
                sessionStart, sessionStart.minus(Duration.ofDays(1)), sessionStart.plus(Duration.ofMinutes(50)))
                .orElseThrow();
        store.saveResponse(client, request, "CLIENT", answered, String.join(",", set.versions()),
                json.writeValueAsString(set.given()), scores, false);
        store.markAnswered(request, answered);
        episodes.measured(client, Objects.requireNonNull(scores.get("phq9"), "demo answers are complete"),
                Objects.requireNonNull(scores.get("gad7"), "demo answers are complete"));
    }

    /**
     * Finished courses of the past year for the practice's results (report only: spread over the other demo clients,
     * every demo therapist, both services), so the trend and the small-number suppression have something to show.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed(Roles.SYSTEM)
    public void addEarlierCourses(List<CaseGrant> clients, List<Long> therapists) {
        List<Long> others = clients.stream().map(g -> g.requireFor(CaseOperation.READ_CLINICAL).intakeId()).toList();
        if (others.isEmpty() || therapists.isEmpty()) {
            return;
        }
        var random = new Random(16);
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < EARLIER_COURSES; n++) {
            Instant referred = clock.instant().minus(Duration.ofDays(120 + random.nextInt(300)));
            Instant started = referred.plus(Duration.ofDays(7 + random.nextInt(50)));
            Instant ended = started.plus(Duration.ofDays(42 + random.nextInt(60)));
            int firstPhq9 = 6 + random.nextInt(16);
            int firstGad7 = 4 + random.nextInt(14);
            boolean paired = random.nextInt(10) > 0;
            rows.add(new Object[] {others.get(n % others.size()), random.nextInt(3) == 0 ? "COUPLES" : "INDIVIDUAL",
                    therapists.get(n % therapists.size()), Timestamp.from(referred), Timestamp.from(started),
                    Timestamp.from(ended), random.nextInt(6) == 0 ? "DROPPED_OUT" : "COMPLETED",
                    random.nextInt(8) > 0, firstPhq9, firstGad7,
                    paired ? Math.max(0, firstPhq9 - random.nextInt(14) + 2) : null,
                    paired ? Math.max(0, firstGad7 - random.nextInt(11) + 2) : null, paired ? 2 + random.nextInt(6) : 1});
        }
        jdbc.batchUpdate("""
                insert into outcome_episode (intake_id, service_type, therapist_id, referred_at, started_at, ended_at,
                    outcome, finished, first_phq9, first_gad7, last_phq9, last_gad7, paired_sets)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        episodes.rebuildSummary();
    }
}
