package app.thaw.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import app.thaw.IntegrationTest;
import app.thaw.TestDatabase;
import app.thaw.base.PracticeTime;

/**
 * Issue 20.5 (V175, ADR 20): a database at V170 with two and a half years of audit lines and answered measures is
 * migrated to monthly partitions; every row keeps its id and its month, nothing is left in DEFAULT, the keys and the
 * append-only rule still hold, and new rows go on after the old ids.
 */
@IntegrationTest
class PartitionMigrationIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAuditLogAndTheMeasuresMoveIntoMonthlyPartitionsWithEveryRowAndRule() {
        var db = TestDatabase.get();
        String name = "thaw_partition_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("create database " + name);
        try {
            String url = db.url().substring(0, db.url().lastIndexOf('/') + 1) + name;
            var source = new DriverManagerDataSource(url, db.username(), db.password());
            Flyway.configure().dataSource(source).locations("classpath:db/migration").target("170").load().migrate();
            var connection = new SingleConnectionDataSource(url, db.username(), db.password(), true);
            var old = new JdbcTemplate(connection);
            seed(old);
            long auditBefore = count(old, "select sum(id) from audit_entry");
            long measuresBefore = count(old, "select sum(id) from measure_response");

            Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();

            assertThat(count(old, "select count(*) from audit_entry")).isEqualTo(900);
            assertThat(count(old, "select sum(id) from audit_entry")).isEqualTo(auditBefore);
            assertThat(count(old, "select count(*) from measure_response")).isEqualTo(120);
            assertThat(count(old, "select sum(id) from measure_response")).isEqualTo(measuresBefore);
            assertThat(count(old, "select count(*) from audit_entry_default")).isZero();
            assertThat(count(old, "select count(*) from measure_response_default")).isZero();
            assertThat(old.queryForObject("select relkind::text from pg_class where oid = 'audit_entry'::regclass",
                    String.class)).isEqualTo("p");
            // each row sits in the partition of its London month, and the months reach three ahead of today
            assertThat(count(old, """
                    select count(*) from audit_entry
                     where tableoid::regclass::text <> 'audit_entry_' || to_char(occurred_at at time zone
                           'Europe/London', 'YYYY_MM')""")).isZero();
            LocalDate ahead = LocalDate.now(PracticeTime.ZONE).withDayOfMonth(1).plusMonths(3);
            assertThat(old.queryForObject("select to_regclass(?) is not null", Boolean.class,
                    "audit_entry_" + ahead.getYear() + "_" + String.format("%02d", ahead.getMonthValue()))).isTrue();
            // a row written at 00:30 London time on the 1st of June (23:30 UTC on 31 May) is June's
            old.update("insert into audit_entry (occurred_at, actor_name, action) values (?, 'x', 'SIGN_IN')",
                    java.sql.Timestamp.from(LocalDate.of(2025, 6, 1).atTime(0, 30).atZone(PracticeTime.ZONE)
                            .toInstant()));
            assertThat(old.queryForObject("select tableoid::regclass::text from audit_entry where id = "
                    + "(select max(id) from audit_entry)", String.class)).isEqualTo("audit_entry_2025_06");
            assertThat(count(old, "select max(id) from audit_entry")).isEqualTo(901);

            assertThatThrownBy(() -> old.update("delete from audit_entry where id = 1")).rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> old.execute("truncate audit_entry_2025_06")).rootCause()
                    .hasMessageContaining("append-only");
            // one answer per request still: a second answer to request 1 at another time is refused
            assertThatThrownBy(() -> old.update("""
                    insert into measure_response (intake_id, request_id, source, answered_at, versions, answers, risk)
                    select intake_id, id, 'CLIENT', answered_at + interval '1 hour', 'v', '{}', false
                      from measure_request where id = 1""")).rootCause()
                    .hasMessageContaining("measure_response_request_answer_fk");
            // the intake's own set is stored once
            assertThat(old.update("""
                    insert into measure_response (intake_id, source, answered_at, versions, answers, risk)
                    select intake_id, 'INTAKE', answered_at, 'v', '{}', false from measure_response
                     where source = 'INTAKE' order by id limit 1
                    on conflict do nothing""")).isZero();
            // the alert keeps its answer, whose key now holds the time
            assertThat(count(old, """
                    select count(*) from measure_alert a join measure_response r
                      on r.id = a.response_id and r.answered_at = a.response_answered_at""")).isEqualTo(3);
            connection.destroy();
        } finally {
            jdbc.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** 30 intakes, 900 audit lines and 60 requests with their answers (plus 60 intake answers) since mid-2023. */
    private static void seed(JdbcTemplate db) {
        db.execute("set session_replication_role = replica");
        db.update("""
                insert into intake (id, reference, status, requested_type, urgent, questionnaire_id,
                    questionnaire_version, answers, scores, risk_flags, full_name, email, phone,
                    privacy_notice_version, consented_at, status_token_hash, draft_id, submitted_at, queue_rank)
                overriding system value
                select n, 'THW-' || lpad(n::text, 6, '0'), 'NEW', 'INDIVIDUAL', false, 'q', 1, '{}', '{}', '[]',
                       'n', 'e', 'p', 'v', ?, lpad(n::text, 64, '0'), n, ?, 2
                  from generate_series(1, 60) n""", at(2023, 6, 1), at(2023, 6, 1));
        db.update("""
                insert into audit_entry (occurred_at, actor_name, action, intake_id, case_reference, detail)
                select cast(? as timestamptz) + interval '1 day' * n, 'x', 'CASE_OPENED', 1 + n % 60, 'THW-' || lpad((1 + n % 60)::text,
                       6, '0'), 'seen' from generate_series(1, 900) n""", at(2023, 6, 1));
        db.update("""
                insert into measure_request (intake_id, appointment_id, measures, session_starts, created_at,
                    expires_at, answered_at)
                select n, n, 'PHQ9', t + interval '13 days' * n, t + interval '13 days' * n - interval '1 day',
                       t + interval '13 days' * n + interval '1 hour', t + interval '13 days' * n - interval '2 hours'
                  from generate_series(1, 60) n, (select cast(? as timestamptz) as t) start""", at(2023, 6, 1));
        db.update("""
                insert into measure_response (intake_id, request_id, source, answered_at, versions, answers, phq9, risk)
                select intake_id, id, 'CLIENT', answered_at, 'v', '{}', 5, false from measure_request""");
        db.update("""
                insert into measure_response (intake_id, source, answered_at, versions, answers, phq9, risk)
                select id, 'INTAKE', submitted_at + interval '1 day' * id, 'v', '{}', 5, false from intake""");
        db.update("""
                insert into measure_alert (intake_id, response_id, rules, created_at)
                select intake_id, id, 'phq9.9', answered_at from measure_response where id <= 3""");
        db.execute("set session_replication_role = origin");
    }

    private static java.sql.Timestamp at(int year, int month, int day) {
        return java.sql.Timestamp.from(LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static long count(JdbcTemplate db, String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
