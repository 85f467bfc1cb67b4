package app.thaw.outcomes.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.data.repository.Repository;

/**
 * The measure tables (V70): plans, requests and their links, and responses with their scores (alerts: MeasureAlertStore). Plain SQL
 * because every read is a narrow, indexed one and the link job works in batches.
 */
/* A repository (Spring Data's marker): internal to outcomes, which Modulith keeps out of views and other features. */
@org.springframework.stereotype.Repository
public class MeasureStore implements Repository<MeasureStore.Response, Long> {

    /** One stored request: a set of measures for one client before one session. */
    public record Request(long id, long intakeId, long appointmentId, String measures, Instant sessionStarts,
                          Instant createdAt, Instant expiresAt, @Nullable Instant emailedAt,
                          @Nullable Instant answeredAt) {

        public boolean openAt(Instant now) {
            return answeredAt == null && now.isBefore(expiresAt);
        }
    }

    /** One answered set; a null score means that measure was not asked. */
    public record Response(long id, long intakeId, @Nullable Long requestId, String source, Instant answeredAt,
                           @Nullable Integer phq9, @Nullable Integer gad7, @Nullable Integer csi4,
                           @Nullable Integer feelings, boolean risk) {
    }


    public record Plan(String measures, boolean clientProgress) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    MeasureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Optional<Plan> plan(long intakeId) {
        return jdbc.query("select measures, client_progress from measure_plan where intake_id = ?",
                (rs, n) -> new Plan(rs.getString(1), rs.getBoolean(2)), intakeId).stream().findFirst();
    }

    public Map<Long, Plan> plans(Collection<Long> intakeIds) {
        Map<Long, Plan> found = new HashMap<>();
        if (intakeIds.isEmpty()) {
            return found;
        }
        named.query("select intake_id, measures, client_progress from measure_plan where intake_id in (:ids)",
                new MapSqlParameterSource("ids", intakeIds),
                rs -> {
                    found.put(rs.getLong(1), new Plan(rs.getString(2), rs.getBoolean(3)));
                });
        return found;
    }

    public void savePlan(long intakeId, String measures, boolean clientProgress, Instant at, @Nullable Long by) {
        jdbc.update("""
                insert into measure_plan (intake_id, measures, client_progress, updated_at, updated_by)
                values (?, ?, ?, ?, ?)
                on conflict (intake_id) do update set measures = excluded.measures,
                    client_progress = excluded.client_progress, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""",
                intakeId, measures, clientProgress, Timestamp.from(at), by);
    }

    /** Creates the request unless this client already has one for this session; returns its id when new. */
    public Optional<Long> createRequest(long intakeId, long appointmentId, String measures, Instant sessionStarts,
                                       Instant now, Instant expiresAt) {
        var keys = new GeneratedKeyHolder();
        int made = jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into measure_request (intake_id, appointment_id, measures, session_starts, created_at,
                        expires_at)
                    values (?, ?, ?, ?, ?, ?) on conflict (intake_id, appointment_id) do nothing""",
                    new String[] {"id"});
            statement.setLong(1, intakeId);
            statement.setLong(2, appointmentId);
            statement.setString(3, measures);
            statement.setTimestamp(4, Timestamp.from(sessionStarts));
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(expiresAt));
            return statement;
        }, keys);
        return made == 1 ? Optional.of(Objects.requireNonNull(keys.getKey(), "a made row has its id").longValue())
                : Optional.empty();
    }

    /** One request to create in a batch. */
    public record NewRequest(long intakeId, long appointmentId, String measures, Instant sessionStarts,
                             Instant expiresAt) {
    }

    /**
     * Creates many requests in one statement, skipping clients who already have one for that session; returns the new
     * ids by (intake, appointment).
     */
    public Map<List<Long>, Long> createRequests(List<NewRequest> requests, Instant now) {
        Map<List<Long>, Long> made = new HashMap<>();
        if (requests.isEmpty()) {
            return made;
        }
        int n = requests.size();
        Long[] intakes = new Long[n];
        Long[] appointments = new Long[n];
        String[] measures = new String[n];
        String[] starts = new String[n];
        String[] expires = new String[n];
        for (int i = 0; i < n; i++) {
            NewRequest r = requests.get(i);
            intakes[i] = r.intakeId();
            appointments[i] = r.appointmentId();
            measures[i] = r.measures();
            // ISO instants with their zone, so no time zone setting can shift them
            starts[i] = r.sessionStarts().toString();
            expires[i] = r.expiresAt().toString();
        }
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    insert into measure_request (intake_id, appointment_id, measures, session_starts, created_at,
                        expires_at)
                    select r.intake_id, r.appointment_id, r.measures, r.session_starts, ?, r.expires_at
                      from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::text[]::timestamptz[],
                                  ?::text[]::timestamptz[])
                           as r (intake_id, appointment_id, measures, session_starts, expires_at)
                    on conflict (intake_id, appointment_id) do nothing
                    returning id, intake_id, appointment_id""")) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setArray(2, connection.createArrayOf("bigint", intakes));
                statement.setArray(3, connection.createArrayOf("bigint", appointments));
                statement.setArray(4, connection.createArrayOf("varchar", measures));
                statement.setArray(5, connection.createArrayOf("text", starts));
                statement.setArray(6, connection.createArrayOf("text", expires));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        made.put(List.of(rs.getLong(2), rs.getLong(3)), rs.getLong(1));
                    }
                }
            }
            return made; // the callback must answer something; the caller uses made
        });
        return made;
    }

    /** Links for many requests in one statement (token hash to request id). */
    public void addLinks(Map<String, Long> links, Instant now) {
        if (links.isEmpty()) {
            return;
        }
        String[] hashes = links.keySet().toArray(String[]::new);
        Long[] requests = java.util.Arrays.stream(hashes).map(links::get).toArray(Long[]::new);
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.prepareStatement("""
                    insert into measure_link (token_hash, request_id, created_at)
                    select l.token_hash, l.request_id, ? from unnest(?::char(64)[], ?::bigint[]) as l (token_hash,
                        request_id)""")) {
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setArray(2, connection.createArrayOf("varchar", hashes));
                statement.setArray(3, connection.createArrayOf("bigint", requests));
                statement.executeUpdate();
            }
            return hashes.length; // the callback must answer something; nothing reads it
        });
    }

    public void markEmailed(Collection<Long> requestIds, Instant at) {
        if (!requestIds.isEmpty()) {
            named.update("update measure_request set emailed_at = :at where id in (:ids)", new MapSqlParameterSource()
                    .addValue("at", Timestamp.from(at)).addValue("ids", requestIds));
        }
    }


    public void addLink(String tokenHash, long requestId, Instant now) {
        jdbc.update("insert into measure_link (token_hash, request_id, created_at) values (?, ?, ?)", tokenHash,
                requestId, Timestamp.from(now));
    }

    public Optional<Request> requestByLink(String tokenHash) {
        return jdbc.query("select r.* from measure_request r join measure_link l on l.request_id = r.id "
                + "where l.token_hash = ?", MeasureStore::request, tokenHash).stream().findFirst();
    }

    public Optional<Request> requestForUpdate(long requestId) {
        return jdbc.query("select * from measure_request where id = ? for update", MeasureStore::request, requestId)
                .stream().findFirst();
    }

    public List<Request> openRequests(long intakeId, Instant now) {
        return jdbc.query("""
                select * from measure_request where intake_id = ? and answered_at is null and expires_at > ?
                 order by session_starts""", MeasureStore::request, intakeId, Timestamp.from(now));
    }

    /** The case's unanswered requests stop taking answers now (its case closed); returns how many. */
    public int closeOpenRequests(long intakeId, Instant now) {
        return jdbc.update("update measure_request set expires_at = greatest(?, created_at + interval '1 millisecond') "
                + "where intake_id = ? and answered_at is null and expires_at > ?", Timestamp.from(now), intakeId,
                Timestamp.from(now));
    }

    public void markAnswered(long requestId, Instant at) {
        jdbc.update("update measure_request set answered_at = ? where id = ?", Timestamp.from(at), requestId);
    }

    public boolean hasIntakeResponse(long intakeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from measure_response where intake_id = ? and source = 'INTAKE')",
                Boolean.class, intakeId));
    }

    /** Stores one answered set; the intake's own is stored once (a second call adds nothing). */
    public Optional<Long> saveResponse(long intakeId, @Nullable Long requestId, String source, Instant answeredAt,
                                       String versions, String answersJson, Map<String, Integer> scores,
                                       boolean risk) {
        var params = new MapSqlParameterSource()
                .addValue("intake", intakeId).addValue("request", requestId).addValue("source", source)
                .addValue("at", Timestamp.from(answeredAt)).addValue("versions", versions)
                .addValue("answers", answersJson).addValue("phq9", scores.get("phq9"))
                .addValue("gad7", scores.get("gad7")).addValue("csi4", scores.get("csi4"))
                .addValue("feelings", scores.get("feelings")).addValue("risk", risk);
        var keys = new GeneratedKeyHolder();
        int made = named.update("""
                insert into measure_response (intake_id, request_id, source, answered_at, versions, answers, phq9,
                    gad7, csi4, feelings, risk)
                values (:intake, :request, :source, :at, :versions, cast(:answers as jsonb), :phq9, :gad7, :csi4,
                    :feelings, :risk)
                on conflict do nothing""", params, keys, new String[] {"id"});
        return made == 1 ? Optional.of(Objects.requireNonNull(keys.getKey(), "a made row has its id").longValue())
                : Optional.empty();
    }

    /**
     * Every answered set of these clients, oldest first: the chart's points. Bounded by the case's start, the
     * earlier of the intake's submission (its own set carries that time) and the first request's creation (a repeat
     * set is answered after its request; demo courses are dated before their intakes), a day early for safety, so
     * only the months since the case began are read (ADR 20).
     */
    public List<Response> responses(Collection<Long> intakeIds) {
        if (intakeIds.isEmpty()) {
            return List.of();
        }
        return named.query("""
                select id, intake_id, request_id, source, answered_at, phq9, gad7, csi4, feelings, risk
                  from measure_response where intake_id in (:ids)
                   and answered_at >= coalesce(least((select min(submitted_at) from intake where id in (:ids)),
                                                     (select min(created_at) from measure_request
                                                       where intake_id in (:ids))),
                                               '-infinity'::timestamptz) - interval '1 day'
                 order by answered_at, id""",
                new MapSqlParameterSource("ids", intakeIds), (rs, n) -> new Response(rs.getLong(1), rs.getLong(2),
                        MeasureRows.nullableLong(rs, 3), rs.getString(4), rs.getTimestamp(5).toInstant(), MeasureRows.nullableInt(rs, 6),
                        MeasureRows.nullableInt(rs, 7), MeasureRows.nullableInt(rs, 8), MeasureRows.nullableInt(rs, 9), rs.getBoolean(10)));
    }

    public List<StoredMeasureSet> answeredSets(long intakeId) {
        return jdbc.query("""
                select answered_at, source, answers::text, phq9, gad7, csi4, feelings, id, versions
                  from measure_response
                 where intake_id = ?
                   and answered_at >= coalesce(least((select submitted_at from intake where id = ?),
                                                     (select min(created_at) from measure_request
                                                       where intake_id = ?)),
                                               '-infinity'::timestamptz) - interval '1 day'
                 order by answered_at, id""",
                (rs, n) -> new StoredMeasureSet(rs.getLong(8), rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(9), rs.getString(3),
                        MeasureRows.nullableInt(rs, 4), MeasureRows.nullableInt(rs, 5), MeasureRows.nullableInt(rs, 6), MeasureRows.nullableInt(rs, 7)), intakeId,
                intakeId, intakeId);
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getLong("id"), rs.getLong("intake_id"), rs.getLong("appointment_id"),
                rs.getString("measures"), rs.getTimestamp("session_starts").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                MeasureRows.instant(rs, "emailed_at"), MeasureRows.instant(rs, "answered_at"));
    }
}
