package app.thaw.scheduling;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseFacts;
import app.thaw.caseaccess.CaseRelation;
import app.thaw.caseaccess.CaseRelations;

/**
 * Scheduling's part of the policy: a therapist with a session (to come or past, not cancelled) with the client may
 * open their case, whoever it is assigned to; the therapist who will see a couple must be able to read them.
 */
@Component
@Transactional(readOnly = true)
class BookedCaseRelations implements CaseRelations {

    private final JdbcTemplate jdbc;

    BookedCaseRelations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Set<CaseRelation>> relations(Collection<CaseFacts> cases, long therapistId) {
        Long[] ids = cases.stream().map(CaseFacts::intakeId).toArray(Long[]::new);
        List<Long> booked = jdbc.queryForList("""
                select intake_id from appointment
                 where intake_id = any(?) and therapist_id = ? and state <> 'CANCELLED'
                union
                select partner_intake_id from appointment
                 where partner_intake_id = any(?) and therapist_id = ? and state <> 'CANCELLED'""",
                Long.class, ids, therapistId, ids, therapistId);
        Map<Long, Set<CaseRelation>> relations = new HashMap<>();
        booked.forEach(id -> relations.put(id, EnumSet.of(CaseRelation.BOOKED)));
        return relations;
    }
}
