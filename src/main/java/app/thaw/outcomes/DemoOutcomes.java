package app.thaw.outcomes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.Application;
import app.thaw.base.domain.SecretToken;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.outcomes.domain.EpisodeStore;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.security.SystemActor;

/**
 * Local runs: a couple in therapy with Dr Amira Khan (one partner getting better, the other not) and an individual
 * whose course ended in recovery, each with several repeat measures before weekly sessions, plus earlier finished
 * courses so the practice's results have a year to show. Written once (skipped when any repeat measure exists).
 * Like the diary's demo data it writes what the services would, through the measures' own stores and scorer.
 */
@Component
@Profile("dev")
@Order(30)
class DemoOutcomes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOutcomes.class);
    private static final int SESSIONS = 5;
    private static final int EARLIER_COURSES = 60;
    /** The improving partner's status page in local runs (published in the README, like the demo logins). */
    static final String DEMO_STATUS_TOKEN = "demo-status-page-of-the-couple-measures-000";

    private final JdbcTemplate jdbc;
    private final CaseAccess access;
    private final MeasureRecords records;
    private final MeasureCatalog catalog;
    private final MeasureStore store;
    private final EpisodeStore episodes;
    private final JsonMapper json;
    private final Clock clock;

    DemoOutcomes(JdbcTemplate jdbc, CaseAccess access, MeasureRecords records, MeasureCatalog catalog,
                 MeasureStore store, EpisodeStore episodes, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.records = records;
        this.catalog = catalog;
        this.store = store;
        this.episodes = episodes;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from measure_response where source = 'CLIENT')", Boolean.class))) {
            return;
        }
        List<Long> couple = jdbc.query("""
                select i.id, p.id from intake i join intake p on p.couple_case_id = i.couple_case_id and p.id > i.id
                 where not i.urgent and not p.urgent and i.status <> 'CLOSED' and p.status <> 'CLOSED'
                   and not exists (select 1 from appointment a where a.intake_id in (i.id, p.id))
                 order by i.id limit 1""", (rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).stream().findFirst()
                .orElse(List.of());
        List<Long> individual = jdbc.queryForList("""
                select id from intake where couple_case_id is null and not urgent and status <> 'CLOSED'
                   and not exists (select 1 from appointment a where a.intake_id = intake.id)
                 order by id limit 1""", Long.class);
        if (couple.size() < 2 || individual.isEmpty()) {
            return;
        }
        long amira = Objects.requireNonNull(
                jdbc.queryForObject("select id from staff_account where username = 'amira'", Long.class), "demo staff");
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));
        SystemActor.run(() -> {
            // the couple: Alex's mood lifts week by week, Sam's does not; their sessions go on
            weekly(couple, amira, today, LocalTime.of(17, 0), "COUPLES",
                    Map.of(couple.get(0), new int[] {12, 10, 8, 6}, couple.get(1), new int[] {9, 11, 12, 13}));
            // the individual: five sessions, then the course ends with low scores (recovered)
            weekly(individual, amira, today.minusDays(1), LocalTime.of(15, 0), "INDIVIDUAL",
                    Map.of(individual.getFirst(), new int[] {11, 8, 5, 3}));
            endCourse(individual.getFirst(), amira, today);
            jdbc.update("update intake set status_token_hash = ? where id = ?", SecretToken.hash(DEMO_STATUS_TOKEN),
                    couple.getFirst());
            earlierCourses(couple, individual.getFirst());
            episodes.rebuildSummary();
        });
        log.info("Created demo outcome measures: a couple and an individual with {} weekly sessions each; the couple's "
                + "improving partner's status page is /status/{}", SESSIONS, DEMO_STATUS_TOKEN);
    }

    /** Weekly attended sessions (the last a week ago), the intake as the first measure, a repeat before each next. */
    private void weekly(List<Long> clients, long therapist, LocalDate lastDay, LocalTime at, String service,
                        Map<Long, int[]> moods) {
        long type = Objects.requireNonNull(
                jdbc.queryForObject("select id from appointment_type where code = ?", Long.class, service), "seeded");
        for (long client : clients) {
            jdbc.update("""
                    insert into review_case (intake_id, assigned_therapist_id) values (?, ?)
                    on conflict (intake_id) do update set assigned_therapist_id = excluded.assigned_therapist_id""",
                    client, therapist);
            Instant referred = clock.instant().minus(Duration.ofDays(7L * SESSIONS + 14));
            jdbc.update("insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, referral_kind) "
                    + "values (?, 'REFERRED', ?, ?, ?, ?)", client, Timestamp.from(referred), Timestamp.from(referred),
                    therapist, service);
            records.recordIntake(grant(client));
        }
        for (int week = 0; week < SESSIONS; week++) {
            ZonedDateTime start = ZonedDateTime.of(lastDay.minusWeeks(SESSIONS - week), at, Application.PRACTICE_ZONE);
            long appointment = Objects.requireNonNull(jdbc.queryForObject("""
                    insert into appointment (intake_id, partner_intake_id, therapist_id, type_id, format, starts_at,
                        ends_at, state, created_at, created_by)
                    values (?, ?, ?, ?, 'ONLINE', ?, ?, 'ATTENDED', ?, ?) returning id""", Long.class,
                    clients.getFirst(), clients.size() > 1 ? clients.get(1) : null, therapist, type,
                    Timestamp.from(start.toInstant()), Timestamp.from(start.plusMinutes(50).toInstant()),
                    Timestamp.from(start.minusDays(7).toInstant()), therapist), "returning id");
            for (long client : clients) {
                if (week > 0) {
                    int[] mood = Objects.requireNonNull(moods.get(client), "every demo client has moods");
                    answer(client, appointment, start.toInstant(), mood[Math.min(week - 1, mood.length - 1)],
                            clients.size() > 1);
                }
                jdbc.update("""
                        insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, appointment_id,
                            treatment)
                        values (?, 'SESSION_BOOKED', ?, ?, ?, ?, true), (?, 'SESSION_ATTENDED', ?, ?, ?, ?, true)""",
                        client, Timestamp.from(start.minusDays(7).toInstant()),
                        Timestamp.from(start.minusDays(7).toInstant()), therapist, appointment,
                        client, Timestamp.from(start.toInstant()), Timestamp.from(start.plusHours(1).toInstant()),
                        therapist, appointment);
                if (week == 0) {
                    episodes.open(client, service, therapist, Objects.requireNonNull(jdbc.queryForObject(
                            "select submitted_at from intake where id = ?", Timestamp.class, client), "submitted")
                            .toInstant(),
                            start.toInstant());
                }
                jdbc.update("update intake set status = 'IN_THERAPY' where id = ?", client);
            }
        }
    }

    /** One repeat set answered the morning of the session: PHQ-9 at {@code phq9}, the rest following it. */
    private void answer(long client, long appointment, Instant sessionStart, int phq9, boolean couple) {
        Instant answered = sessionStart.minus(Duration.ofHours(5));
        List<Measure> measures = new ArrayList<>(List.of(Measure.PHQ9, Measure.GAD7, Measure.FEELINGS));
        if (couple) {
            measures.addAll(List.of(Measure.CSI4, Measure.PARTNER_SAFETY));
        }
        Map<String, List<String>> given = new LinkedHashMap<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        List<String> versions = new ArrayList<>();
        for (Measure measure : measures) {
            QuestionnaireDefinition definition = catalog.definition(measure);
            int target = switch (measure) {
                case PHQ9 -> phq9;
                case GAD7 -> Math.max(0, phq9 - 3);
                case FEELINGS -> Math.min(15, phq9 / 2 + 2);
                case CSI4 -> Math.max(4, 20 - phq9);
                case PARTNER_SAFETY -> 0;
            };
            given.putAll(measure == Measure.PARTNER_SAFETY ? Map.of("safety.partner_fear", List.of("no"))
                    : spread(definition, target));
            versions.add(definition.key());
            if (measure.scored()) {
                Scorer.score(definition, Answers.of(given)).scores().stream()
                        .filter(s -> s.id().equals(measure.scoreId())).findFirst()
                        .ifPresent(s -> scores.put(measure.scoreId(), s.total()));
            }
        }
        var request = store.createRequest(client, appointment, Measure.store(new java.util.HashSet<>(measures)),
                sessionStart, sessionStart.minus(Duration.ofDays(1)), sessionStart.plus(Duration.ofMinutes(50)))
                .orElseThrow();
        store.saveResponse(client, request, "CLIENT", answered, String.join(",", versions),
                json.writeValueAsString(given), scores, false);
        store.markAnswered(request, answered);
        episodes.measured(client, Objects.requireNonNull(scores.get("phq9"), "demo answers are complete"),
                Objects.requireNonNull(scores.get("gad7"), "demo answers are complete"));
    }

    /** Item answers adding up to {@code target}, spread evenly; the risk item (PHQ-9 item 9) stays at 0. */
    private static Map<String, List<String>> spread(QuestionnaireDefinition definition, int target) {
        List<Item> items = definition.items().stream().filter(i -> !i.id().equals("phq9.9")).toList();
        int[] values = new int[items.size()];
        int left = target;
        boolean added = true;
        while (left > 0 && added) {
            added = false;
            for (int i = 0; i < items.size() && left > 0; i++) {
                int max = definition.optionsFor(items.get(i)).stream().mapToInt(Option::score).max().orElse(0);
                if (values[i] < max) {
                    values[i]++;
                    left--;
                    added = true;
                }
            }
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            answers.put(items.get(i).id(), List.of(String.valueOf(values[i])));
        }
        definition.items().stream().filter(i -> i.id().equals("phq9.9"))
                .forEach(i -> answers.put(i.id(), List.of("0")));
        return answers;
    }

    private void endCourse(long client, long therapist, LocalDate today) {
        Instant ended = today.minusDays(2).atTime(12, 0).atZone(Application.PRACTICE_ZONE).toInstant();
        jdbc.update("insert into care_event (intake_id, kind, occurred_at, recorded_at, actor_id, outcome) "
                + "values (?, 'THERAPY_ENDED', ?, ?, ?, 'COMPLETED')", client, Timestamp.from(ended),
                Timestamp.from(ended), therapist);
        jdbc.update("update outcome_episode set ended_at = ?, outcome = 'COMPLETED', finished = true, therapist_id = ? "
                + "where intake_id = ? and ended_at is null", Timestamp.from(ended), therapist, client);
        jdbc.update("update intake set status = 'ENDED' where id = ?", client);
    }

    /**
     * Finished courses of the past year for the practice's results (report only: spread over the other demo clients,
     * every demo therapist, both services), so the trend and the small-number suppression have something to show.
     */
    private void earlierCourses(List<Long> couple, long individual) {
        List<Long> others = jdbc.queryForList("select id from intake where id not in (?, ?, ?) order by id", Long.class,
                couple.get(0), couple.get(1), individual);
        List<Long> therapists = jdbc.queryForList("select id from staff_account where username in ('amira', 'tom', "
                + "'grace') order by id", Long.class);
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
    }

    private CaseGrant grant(long intakeId) {
        return access.require(intakeId, CaseOperation.READ_CLINICAL);
    }
}
