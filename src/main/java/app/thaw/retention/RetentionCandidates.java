package app.thaw.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is due under the policy. A client is someone with at least one session ever booked (their own or a joint
 * one); their record is due a set number of years after their case was closed (status CLOSED, from closed_at),
 * and never while the case is open. Someone with no session ever booked never became a client; their intake is
 * due a set number of months after it was closed, or after it was sent if it was never closed, whatever its
 * status. Erased clients are not listed again; held ones are listed so the run can count them.
 */
@Component
class RetentionCandidates {

    record Due(long intakeId, boolean held) {
    }

    private final JdbcTemplate jdbc;

    RetentionCandidates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the next {@code limit} due intakes after {@code afterId} in id order, skipping any an erasure request
     * holds right now (the next run finds them). Walking by id keeps each batch's scan short and never revisits rows.
     */
    List<Due> dueAt(Instant now, RetentionPolicy policy, long afterId, int limit) {
        return jdbc.query("""
                select i.id,
                       exists (select 1 from legal_hold h where h.intake_id = i.id and h.cleared_at is null) as held
                  from intake i
                 where i.id > ?
                   and not exists (select 1 from client_erasure e where e.intake_id = i.id)
                   and case when exists (select 1 from appointment a where a.intake_id = i.id)
                              or exists (select 1 from appointment a where a.partner_intake_id = i.id)
                            then i.status = 'CLOSED' and i.closed_at <= ?
                            else coalesce(i.closed_at, i.submitted_at) <= ?
                       end
                 order by i.id
                 limit ?
                   for update of i skip locked""",
                (rs, row) -> new Due(rs.getLong("id"), rs.getBoolean("held")), afterId,
                Timestamp.from(policy.clinicalCutoff(now)), Timestamp.from(policy.nonClientCutoff(now)), limit);
    }
}
