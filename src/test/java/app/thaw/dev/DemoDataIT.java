package app.thaw.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.Application;
import app.thaw.TestDatabase;

/**
 * What {@code ./mvnw spring-boot:run} makes: the whole dev profile started on an empty database of the test server,
 * its demo data made as on a first local run. The demo reads as a practice that worked its cases: every history line
 * dated in order after the form it belongs to, none in the future; every case on the waiting list, booked or in
 * therapy taken on by a therapist and referred, with the factors decided.
 */
class DemoDataIT {

    private static ConfigurableApplicationContext demo;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void firstLocalRun() {
        var db = TestDatabase.newDatabase("thaw_demo_" + UUID.randomUUID().toString().substring(0, 8));
        // each context installs its security-context strategy JVM-wide: the shared test context's stays the JVM's
        var shared = SecurityContextHolder.getContextHolderStrategy();
        try {
            demo = new SpringApplicationBuilder(Application.class).profiles("dev")
                    .properties(TestDatabase.properties(db))
                    .run("--server.port=0", "--spring.application.name=thaw-demo", "--logging.level.app.thaw=info",
                            "--spring.main.banner-mode=off");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
        jdbc = demo.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theDemosHistoriesReadInOrderFromEachForm() {
        assertThat(jdbc.queryForObject("select count(*) from intake", Integer.class)).isEqualTo(30);
        assertThat(jdbc.queryForList("""
                select i.reference from intake i
                 where not exists (select 1 from audit_entry a where a.intake_id = i.id and a.action = 'INTAKE_SUBMITTED'
                                      and a.occurred_at between i.submitted_at and i.submitted_at + interval '1 minute')
                """, String.class)).as("cases whose history does not start when the form was sent").isEmpty();
        assertThat(jdbc.queryForList("""
                select a.case_reference || ' ' || a.action from audit_entry a join intake i on i.id = a.intake_id
                 where a.occurred_at < i.submitted_at or a.occurred_at > now()""", String.class))
                .as("history lines before the form or in the future").isEmpty();
        assertThat(jdbc.queryForList("""
                select case_reference || ' ' || action from (
                    select case_reference, action, occurred_at,
                           lag(occurred_at) over (partition by intake_id order by id) as before
                      from audit_entry where intake_id is not null) lines
                 where occurred_at < before""", String.class))
                .as("history lines dated before the line written ahead of them").isEmpty();
        // the audit viewer lists the log newest first by id: the demo's past was written in the order it happened
        // (lines from now on are left out: the app's own jobs write beside the demo as it starts)
        assertThat(jdbc.queryForList("""
                select action || ' at ' || occurred_at from (
                    select action, occurred_at, lag(occurred_at) over (order by id) as before
                      from audit_entry where occurred_at < now() - interval '10 minutes') lines
                 where occurred_at < before""", String.class))
                .as("lines of the demo's past written after a later one").isEmpty();
    }

    @Test
    void everyCaseInCareWasTakenOnAndReferredFirst() {
        assertThat(jdbc.queryForList("""
                select i.reference || ' ' || i.status from intake i join review_case r on r.intake_id = i.id
                 where i.status in ('WAITING', 'SCHEDULED', 'IN_THERAPY', 'ENDED')
                   and (r.assigned_therapist_id is null
                        or not exists (select 1 from care_event e where e.intake_id = i.id and e.kind = 'REFERRED'))
                """, String.class)).as("cases in care without a therapist or a referral").isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from intake where status in ('WAITING', 'SCHEDULED', 'IN_THERAPY', 'ENDED')""",
                Integer.class)).as("cases in care").isGreaterThanOrEqualTo(12);
        assertThat(jdbc.queryForList("""
                select w.id from waitlist_entry w
                 where w.state = 'WAITING' and not exists (select 1 from referral r
                        where r.intake_id in (w.intake_id, w.partner_intake_id)
                          and r.decided_at between w.added_at - interval '1 minute' and w.added_at)""", Long.class))
                .as("places on the waiting list not taken when the client was referred").isEmpty();
        assertThat(jdbc.queryForList("select service from waitlist_entry where state = 'WAITING'", String.class))
                .as("three clients on their own and a couple holding one place")
                .containsExactlyInAnyOrder("INDIVIDUAL", "INDIVIDUAL", "INDIVIDUAL", "COUPLES");
        assertThat(jdbc.queryForList("select decision from factor_decision", String.class))
                .contains("CONFIRMED").containsOnlyOnce("REJECTED");
        assertThat(jdbc.queryForList("select distinct s.username from referral r join staff_account s "
                + "on s.id = r.decided_by", String.class)).containsExactlyInAnyOrder("amira", "grace");
        assertThat(jdbc.queryForList("""
                select i.status from intake i where i.status in ('IN_THERAPY', 'ENDED')
                   and i.submitted_at < now() - interval '8 weeks'""", String.class))
                .as("the clients in therapy wrote two months ago").containsExactlyInAnyOrder("IN_THERAPY",
                        "IN_THERAPY", "ENDED");
        // their measures tell the README's story from their own forms: one partner better, the other worse, the
        // individual recovered (the published status page is the improving partner's)
        assertThat(jdbc.queryForList("""
                select case when e.last_phq9 < e.first_phq9 then 'better' else 'worse' end from outcome_episode e
                  join intake i on i.id = e.intake_id where i.status in ('IN_THERAPY', 'ENDED')
                 order by i.submitted_at""", String.class)).containsExactly("better", "worse", "better");
        // their sessions, like every demo session, inside the therapist's working week, and the couple's go on
        assertThat(jdbc.queryForList("""
                select a.id from appointment a
                 where not exists (select 1 from working_hours w where w.therapist_id = a.therapist_id
                          and w.day_of_week = extract(isodow from a.starts_at at time zone 'Europe/London')
                          and w.starts <= (a.starts_at at time zone 'Europe/London')::time
                          and w.ends >= (a.ends_at at time zone 'Europe/London')::time)""", Long.class))
                .as("demo sessions outside their therapist's working hours").isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from appointment a join intake i on i.id = a.intake_id
                 where i.status = 'IN_THERAPY' and a.partner_intake_id is not null and a.state = 'BOOKED'
                   and a.starts_at > now()""", Integer.class)).as("the couple's next session").isOne();
        // one booked client asked from their status page to rearrange, after the booking: Client requests shows it
        assertThat(jdbc.queryForList("""
                select q.kind || ' ' || a.state || ' ' || (q.requested_by_intake_id = a.intake_id)
                       || ' ' || (q.created_at > a.created_at and q.created_at < now()) || ' ' || (q.message is not null)
                  from appointment_request q join appointment a on a.id = q.appointment_id
                 where q.handled_at is null""", String.class))
                .as("the demo's open client request").containsExactly("REARRANGE BOOKED true true true");
        assertThat(jdbc.queryForList("""
                select i.status || ' ' || coalesce(r.assigned_therapist_id::text, 'unassigned') from intake i
                  join review_case r on r.intake_id = i.id where i.urgent""", String.class))
                .as("urgent cases left to the queue for their risk to be reviewed").isNotEmpty()
                .containsOnly("NEW unassigned");
    }
}
