package app.thaw.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.base.domain.SecretToken;
import app.thaw.care.TherapyEnded;
import app.thaw.care.TherapyOutcome;
import app.thaw.care.TherapyStarted;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.outcomes.domain.MeasureStore;
import app.thaw.review.ReviewTestData;
import app.thaw.security.StaffAccountService;

/**
 * The practice's results read from the summary kept as courses end must equal a count made directly in SQL over the
 * raw measures: generated courses for one therapist (random first and last scores, some unpaired, some not finished),
 * answered through the clients' real links, started and ended through the course-of-care events.
 */
@IntegrationTest
class OutcomesReportIT {

    @Autowired IntakeService intake;
    @Autowired StaffAccountService staff;
    @Autowired OutcomeEpisodes episodes;
    @Autowired MeasureStore store;
    @Autowired MeasureForms forms;
    @Autowired OutcomesReport report;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theReportsCountsEqualACountMadeDirectlyInSql() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        // active while it is given cases (the database refuses a case to a former colleague), retired after
        long therapist = account("gen-" + word, "Generated " + word, "THERAPIST", true);
        account("lead-" + word, "Lead " + word, "CLINICAL_LEAD", true);
        long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
        var random = new Random(word.hashCode());
        Instant slot = Instant.parse("2099-01-01T00:00:00Z").plus(random.nextInt(100_000), ChronoUnit.HOURS);
        for (int i = 0; i < 36; i++) {
            var client = data.submit(IntakeFixtures.completeAnswers("Gen" + i + " " + word));
            jdbc.update("update measure_response set phq9 = ?, gad7 = ? where intake_id = ? and source = 'INTAKE'",
                    random.nextInt(28), random.nextInt(22), client.id());
            jdbc.update("insert into review_case (intake_id, assigned_therapist_id) values (?, ?) "
                    + "on conflict (intake_id) do update set assigned_therapist_id = excluded.assigned_therapist_id",
                    client.id(), therapist);
            Instant submitted = jdbc.queryForObject("select submitted_at from intake where id = ?", Timestamp.class,
                    client.id()).toInstant();
            Instant started = submitted.plus(random.nextInt(60), ChronoUnit.DAYS);
            transactions.executeWithoutResult(s -> episodes.on(new TherapyStarted(client.id(), client.reference(),
                    started)));
            int followUps = random.nextInt(4);
            for (int k = 0; k < followUps; k++) {
                slot = slot.plus(2, ChronoUnit.HOURS);
                answer(client.id(), therapist, type, slot, random);
            }
            Instant ended = LocalDate.of(2030, 1 + random.nextInt(3), 1 + random.nextInt(28))
                    .atStartOfDay(Application.PRACTICE_ZONE).toInstant().plus(10, ChronoUnit.HOURS);
            boolean finished = random.nextInt(10) < 7;
            transactions.executeWithoutResult(s -> episodes.on(new TherapyEnded(client.id(), client.reference(),
                    ended, finished ? TherapyOutcome.COMPLETED : TherapyOutcome.DROPPED_OUT, finished)));
        }
        jdbc.update("update staff_account set active = false where id = ?", therapist);

        var result = data.as("lead-" + word, () -> report.report(OutcomesReport.Period.MONTH,
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 3, 1)));
        assertThat(result.suppressed()).isFalse();
        Map<LocalDate, List<Integer>> fromReport = new HashMap<>();
        result.rows().stream().filter(r -> r.therapist().equals("Generated " + word)).forEach(r ->
                fromReport.put(r.periodStart(), List.of(r.ended(), r.finished(), r.paired(), r.atCaseness(),
                        r.recovered(), r.improved(), r.deteriorated(), r.reliablyRecovered(),
                        r.medianWaitDays() == null ? -1 : r.medianWaitDays())));
        Map<LocalDate, List<Integer>> fromSql = new HashMap<>();
        jdbc.query("""
                with e as (
                    select date_trunc('month', e.ended_at at time zone 'Europe/London')::date as month, e.finished,
                           (e.started_at at time zone 'Europe/London')::date
                               - (e.referred_at at time zone 'Europe/London')::date as wait,
                           f.phq9 as fp, f.gad7 as fg, l.phq9 as lp, l.gad7 as lg, n.sets
                      from outcome_episode e
                      join lateral (select phq9, gad7 from measure_response r
                                     where r.intake_id = e.intake_id and phq9 is not null and gad7 is not null
                                     order by answered_at, id limit 1) f on true
                      join lateral (select phq9, gad7 from measure_response r
                                     where r.intake_id = e.intake_id and phq9 is not null and gad7 is not null
                                     order by answered_at desc, id desc limit 1) l on true
                      join lateral (select count(*) as sets from measure_response r
                                     where r.intake_id = e.intake_id and phq9 is not null and gad7 is not null) n
                           on true
                     where e.therapist_id = ? and e.ended_at is not null),
                c as (select *, finished and sets >= 2 as paired, fp >= 10 or fg >= 8 as case_start,
                             (lp - fp <= -6 or lg - fg <= -4) and lp - fp < 6 and lg - fg < 4 as improved,
                             (lp - fp >= 6 or lg - fg >= 4) and lp - fp > -6 and lg - fg > -4 as deteriorated
                        from e)
                select month, count(*), count(*) filter (where finished), count(*) filter (where paired),
                       count(*) filter (where paired and case_start),
                       count(*) filter (where paired and case_start and lp < 10 and lg < 8),
                       count(*) filter (where paired and improved), count(*) filter (where paired and deteriorated),
                       count(*) filter (where paired and case_start and lp < 10 and lg < 8 and improved),
                       coalesce(percentile_disc(0.5) within group (order by least(greatest(wait, 0), 365))
                                filter (where finished), -1)
                  from c group by month""", rs -> {
                    List<Integer> counts = new ArrayList<>();
                    for (int column = 2; column <= 10; column++) {
                        counts.add(rs.getInt(column));
                    }
                    fromSql.put(rs.getDate(1).toLocalDate(), counts);
                }, therapist);
        assertThat(fromSql).isNotEmpty();
        assertThat(fromSql.values().stream().mapToInt(c -> c.get(2)).sum()).as("some courses are paired").isPositive();
        assertThat(fromReport).isEqualTo(fromSql);

        // a practice manager sees the same rows with small counts suppressed and the rest rounded to 5
        var managers = data.as("admin", () -> report.report(OutcomesReport.Period.QUARTER, LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 3, 1)));
        assertThat(managers.suppressed()).isTrue();
        managers.rows().stream().filter(r -> r.therapist().equals("Generated " + word)).forEach(r -> {
            for (Integer count : java.util.Arrays.asList(r.ended(), r.finished(), r.recovered(), r.improved(),
                    r.deteriorated())) {
                assertThat(count == null || count % OutcomesReport.ROUND_TO == 0).isTrue();
            }
        });
        String csv = data.as("lead-" + word, () -> report.csv(OutcomesReport.Period.MONTH, LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 3, 1)));
        assertThat(csv).startsWith("period,therapist,service,ended").contains("\"Generated " + word + "\"");
    }

    /** One answered set through the client's own link: a session of the therapist, its request, the form. */
    private void answer(long intakeId, long therapist, long type, Instant start, Random random) {
        long appointment = jdbc.queryForObject("""
                insert into appointment (intake_id, therapist_id, type_id, format, starts_at, ends_at, state,
                                         created_at)
                values (?, ?, ?, 'ONLINE', ?, ?, 'ATTENDED', now()) returning id""", Long.class, intakeId, therapist, type,
                Timestamp.from(start), Timestamp.from(start.plus(50, ChronoUnit.MINUTES)));
        long request = store.createRequest(intakeId, appointment, "GAD7,PHQ9", start, Instant.now(),
                start.plus(50, ChronoUnit.MINUTES)).orElseThrow();
        String token = SecretToken.generate();
        store.addLink(SecretToken.hash(token), request, Instant.now());
        Map<String, List<String>> answers = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            answers.put("phq9." + i, List.of(i == 9 ? "0" : String.valueOf(random.nextInt(4))));
        }
        for (int i = 1; i <= 7; i++) {
            answers.put("gad7." + i, List.of(String.valueOf(random.nextInt(4))));
        }
        assertThat(forms.submit(token, answers)).isEqualTo(new MeasureSubmission.Saved(false, false));
    }

    private long account(String username, String name, String role, boolean active) {
        return jdbc.queryForObject("""
                insert into staff_account (username, display_name, email, password_hash, role, active, created_at)
                values (?, ?, ?, '{noop}unused', ?, ?, now()) returning id""", Long.class, username, name,
                username + "@thaw.example", role, active);
    }
}
