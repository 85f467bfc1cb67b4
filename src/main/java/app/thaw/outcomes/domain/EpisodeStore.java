package app.thaw.outcomes.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.repository.Repository;

/**
 * Courses of therapy as the results report needs them (outcome_episode) and the report's ready-made rows
 * (outcome_summary): written as a course starts, as measures arrive and as it ends, never by scanning.
 */
/* A repository (Spring Data's marker): internal to outcomes, which Modulith keeps out of views and other features. */
@org.springframework.stereotype.Repository
public class EpisodeStore implements Repository<EpisodeStore.Episode, Long> {

    /** Longest wait kept day by day; longer waits share the last bucket. */
    public static final int WAIT_DAYS_KEPT = 365;

    public record Episode(long id, long intakeId, String serviceType, @Nullable Long therapistId, Instant referredAt,
                          Instant startedAt, @Nullable Integer firstPhq9, @Nullable Integer firstGad7,
                          @Nullable Integer lastPhq9, @Nullable Integer lastGad7, int pairedSets) {
    }

    /** One ready-made row: a month's ended courses of one therapist and service, and its finished courses' waits. */
    public record SummaryRow(LocalDate month, long therapistId, String serviceType, int ended, int finished,
                             int paired, int atCaseness, int recovered, int reliableImprovement,
                             int reliableDeterioration, int reliableRecovery, Waits waits) {
    }

    /** What one ending course adds to its summary row. */
    public record Contribution(boolean finished, boolean paired, boolean caseAtStart, boolean recovered,
                               boolean improved, boolean deteriorated, boolean reliablyRecovered, int waitDays) {
    }

    private final JdbcTemplate jdbc;

    EpisodeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens the client's course unless one is open; its first measure is the latest PHQ-9/GAD-7 pair answered by the
     * start (usually the intake's own answers), or the earliest one when none was (a course recorded after the fact).
     */
    public void open(long intakeId, String serviceType, @Nullable Long therapistId, Instant referredAt,
                     Instant startedAt) {
        jdbc.update("""
                insert into outcome_episode (intake_id, service_type, therapist_id, referred_at, started_at,
                    first_phq9, first_gad7, last_phq9, last_gad7, paired_sets)
                select ?, ?, ?, ?, ?, p.phq9, p.gad7, p.phq9, p.gad7, case when p.phq9 is null then 0 else 1 end
                  from (select 1) one
                  left join lateral (select phq9, gad7 from measure_response
                                      where intake_id = ? and phq9 is not null and gad7 is not null
                                      order by (answered_at <= ?) desc,
                                               case when answered_at <= ? then -extract(epoch from answered_at)
                                                    else extract(epoch from answered_at) end, id desc
                                      limit 1) p on true
                 where not exists (select 1 from outcome_episode where intake_id = ? and ended_at is null)""",
                intakeId, serviceType, therapistId, Timestamp.from(referredAt), Timestamp.from(startedAt),
                intakeId, Timestamp.from(startedAt), Timestamp.from(startedAt), intakeId);
    }

    /** A PHQ-9/GAD-7 pair arrived during the client's open course: it is now the course's last measure. */
    public void measured(long intakeId, int phq9, int gad7) {
        jdbc.update("""
                update outcome_episode set first_phq9 = coalesce(first_phq9, ?), first_gad7 = coalesce(first_gad7, ?),
                       last_phq9 = ?, last_gad7 = ?, paired_sets = paired_sets + 1
                 where intake_id = ? and ended_at is null""", phq9, gad7, phq9, gad7, intakeId);
    }

    public Optional<Episode> openEpisode(long intakeId) {
        return jdbc.query("""
                select id, intake_id, service_type, therapist_id, referred_at, started_at, first_phq9, first_gad7,
                       last_phq9, last_gad7, paired_sets
                  from outcome_episode where intake_id = ? and ended_at is null""",
                (rs, n) -> new Episode(rs.getLong(1), rs.getLong(2), rs.getString(3), MeasureRows.nullableLong(rs, 4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        MeasureRows.nullableInt(rs, 7), MeasureRows.nullableInt(rs, 8),
                        MeasureRows.nullableInt(rs, 9), MeasureRows.nullableInt(rs, 10), rs.getInt(11)),
                intakeId).stream().findFirst();
    }

    /** Ends the course and adds it to its month's row, in one transaction (the caller's). */
    public void close(Episode episode, Instant endedAt, String outcome, long therapistId, LocalDate month,
                      Contribution c) {
        jdbc.update("update outcome_episode set ended_at = ?, outcome = ?, finished = ?, therapist_id = ? "
                + "where id = ?", Timestamp.from(endedAt), outcome, c.finished(),
                therapistId == 0 ? null : therapistId, episode.id());
        jdbc.update("""
                insert into outcome_summary (month, therapist_id, service_type, ended, finished, paired, at_caseness,
                    recovered, reliable_improvement, reliable_deterioration, reliable_recovery)
                values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
                on conflict (month, therapist_id, service_type) do update set
                    ended = outcome_summary.ended + 1,
                    finished = outcome_summary.finished + excluded.finished,
                    paired = outcome_summary.paired + excluded.paired,
                    at_caseness = outcome_summary.at_caseness + excluded.at_caseness,
                    recovered = outcome_summary.recovered + excluded.recovered,
                    reliable_improvement = outcome_summary.reliable_improvement + excluded.reliable_improvement,
                    reliable_deterioration = outcome_summary.reliable_deterioration + excluded.reliable_deterioration,
                    reliable_recovery = outcome_summary.reliable_recovery + excluded.reliable_recovery""",
                month, therapistId, episode.serviceType(), one(c.finished()), one(c.finished() && c.paired()),
                one(c.finished() && c.paired() && c.caseAtStart()), one(c.finished() && c.recovered()),
                one(c.finished() && c.improved()), one(c.finished() && c.deteriorated()),
                one(c.finished() && c.reliablyRecovered()));
        if (c.finished()) {
            jdbc.update("""
                    insert into outcome_wait (month, therapist_id, service_type, wait_days, courses)
                    values (?, ?, ?, ?, 1)
                    on conflict (month, therapist_id, service_type, wait_days) do update
                        set courses = outcome_wait.courses + 1""", month, therapistId, episode.serviceType(),
                    Math.min(Math.max(c.waitDays(), 0), WAIT_DAYS_KEPT));
        }
    }

    /**
     * Rebuilds every summary row from the ended courses, by the same definitions the service applies as each course
     * ends (NHS Talking Therapies; see TalkingTherapiesOutcome): for repair, a change of definition, or bench data.
     * Returns the number of rows written.
     */
    public int rebuildSummary() {
        jdbc.update("delete from outcome_summary");
        jdbc.update("delete from outcome_wait");
        jdbc.update("""
                insert into outcome_wait (month, therapist_id, service_type, wait_days, courses)
                select date_trunc('month', ended_at at time zone 'Europe/London')::date, coalesce(therapist_id, 0),
                       service_type, least(greatest((started_at at time zone 'Europe/London')::date
                                                    - (referred_at at time zone 'Europe/London')::date, 0), 365),
                       count(*)
                  from outcome_episode where ended_at is not null and finished group by 1, 2, 3, 4""");
        int rows = jdbc.update("""
                insert into outcome_summary (month, therapist_id, service_type, ended, finished, paired, at_caseness,
                    recovered, reliable_improvement, reliable_deterioration, reliable_recovery)
                with e as (
                    select date_trunc('month', ended_at at time zone 'Europe/London')::date as month,
                           coalesce(therapist_id, 0) as therapist_id, service_type, finished,
                           finished and paired_sets >= 2 and first_phq9 is not null and last_phq9 is not null
                               as paired,
                           first_phq9 >= 10 or first_gad7 >= 8 as case_start,
                           last_phq9 < 10 and last_gad7 < 8 as below,
                           (last_phq9 - first_phq9 <= -6 or last_gad7 - first_gad7 <= -4)
                               and last_phq9 - first_phq9 < 6 and last_gad7 - first_gad7 < 4 as improved,
                           (last_phq9 - first_phq9 >= 6 or last_gad7 - first_gad7 >= 4)
                               and last_phq9 - first_phq9 > -6 and last_gad7 - first_gad7 > -4 as deteriorated
                      from outcome_episode where ended_at is not null)
                select g.month, g.therapist_id, g.service_type, g.ended, g.finished, g.paired, g.at_caseness,
                       g.recovered, g.improved, g.deteriorated, g.reliably_recovered
                  from (select month, therapist_id, service_type, count(*)::int as ended,
                               count(*) filter (where finished)::int as finished,
                               count(*) filter (where paired)::int as paired,
                               count(*) filter (where paired and case_start)::int as at_caseness,
                               count(*) filter (where paired and case_start and below)::int as recovered,
                               count(*) filter (where paired and improved)::int as improved,
                               count(*) filter (where paired and deteriorated)::int as deteriorated,
                               count(*) filter (where paired and case_start and below and improved)::int
                                   as reliably_recovered
                          from e group by 1, 2, 3) g""");
        // the rows are new, so outcome_wait's trigger found none to pack as the waits went in
        jdbc.update("""
                update outcome_summary s set waits = p.packed
                  from (select month, therapist_id, service_type,
                               string_agg(int2send(wait_days) || int4send(courses), ''::bytea order by wait_days)
                                   as packed
                          from outcome_wait group by month, therapist_id, service_type) p
                 where s.month = p.month and s.therapist_id = p.therapist_id and s.service_type = p.service_type""");
        return rows;
    }

    /**
     * The ready rows of the months from {@code from} to {@code to}, both included, with their packed waits (kept
     * equal to outcome_wait by its trigger, V131): one range scan of the primary key, one row per month, therapist
     * and service.
     */
    public List<SummaryRow> summary(LocalDate from, LocalDate to) {
        return jdbc.query("""
                select month, therapist_id, service_type, ended, finished, paired, at_caseness, recovered,
                       reliable_improvement, reliable_deterioration, reliable_recovery, waits
                  from outcome_summary where month between ? and ? order by month, therapist_id, service_type""",
                (rs, n) -> new SummaryRow(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getInt(11), Waits.packed(rs.getBytes(12))), from, to);
    }

    private static int one(boolean counted) {
        return counted ? 1 : 0;
    }
}
