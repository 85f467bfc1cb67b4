package app.thaw.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.IntegrationTest;

/** The audit log's months are made ahead by the job (ADR 20), once, and an entry lands in its London month. */
@IntegrationTest
class AuditPartitionsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theMonthAndTheNextThreeAreMadeOnceAndAnEntryLandsInItsLondonMonth() {
        var job = new AuditPartitions(jdbc, Clock.fixed(Instant.parse("2031-05-20T10:00:00Z"), ZoneOffset.UTC));

        job.ensure();

        for (String month : new String[] {"2031_05", "2031_06", "2031_07", "2031_08"}) {
            assertThat(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, "audit_entry_" + month))
                    .as(month).isTrue();
        }
        assertThat(jdbc.queryForObject("select to_regclass('audit_entry_2031_09') is null", Boolean.class)).isTrue();
        assertThat(job.ensure()).as("a second run makes nothing").isZero();
        // 23:30 UTC on 31 July is 00:30 on 1 August in London (BST): August's entry, never DEFAULT
        String partition = transactions.execute(status -> {
            status.setRollbackOnly();
            return jdbc.queryForObject("""
                    insert into audit_entry (occurred_at, actor_name, action) values (?, 'test', 'SIGN_IN')
                    returning tableoid::regclass::text""", String.class,
                    Timestamp.from(Instant.parse("2031-07-31T23:30:00Z")));
        });
        assertThat(partition).isEqualTo("audit_entry_2031_08");
    }

    @Test
    void todaysMonthAndTheNextThreeExistAfterStartup() {
        var today = java.time.LocalDate.now(app.thaw.base.PracticeTime.ZONE).withDayOfMonth(1);
        for (int ahead = 0; ahead <= 3; ahead++) {
            var month = today.plusMonths(ahead);
            assertThat(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                    String.format("audit_entry_%d_%02d", month.getYear(), month.getMonthValue()))).isTrue();
        }
    }

    @Test
    void onePersonsEntriesAreReadNewestFirstFromTheirOwnIndexNotByWalkingTheLog() {
        String plan = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("set local plan_cache_mode = force_generic_plan");
            jdbc.execute("set local enable_seqscan = off");
            jdbc.execute("prepare by_actor (bigint, int) as select * from audit_entry where true and actor_id = $1 "
                    + "order by id desc limit $2");
            try {
                return String.join("\n", jdbc.queryForList("explain (costs off) execute by_actor (1, 50)",
                        String.class));
            } finally {
                jdbc.execute("deallocate by_actor");
            }
        });
        assertThat(plan).contains("actor_id_id_idx").doesNotContain("pkey");
    }

    @Test
    void oneKindOfEntryIsReadNewestFirstFromItsOwnIndexNotByWalkingTheLog() {
        String plan = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("set local plan_cache_mode = force_generic_plan");
            jdbc.execute("set local enable_seqscan = off");
            jdbc.execute("prepare by_action (varchar, int) as select * from audit_entry where true and action = $1 "
                    + "order by id desc limit $2");
            try {
                return String.join("\n", jdbc.queryForList("explain (costs off) execute by_action "
                        + "('STAFF_DEACTIVATED', 50)", String.class));
            } finally {
                jdbc.execute("deallocate by_action");
            }
        });
        assertThat(plan).contains("action_id_idx").doesNotContain("pkey");
    }
}
