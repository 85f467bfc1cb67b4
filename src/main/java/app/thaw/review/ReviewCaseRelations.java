package app.thaw.review;

import java.util.ArrayList;
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
 * Review's part of the policy: the therapist a case is assigned to, or every therapist while it waits unassigned in
 * the shared queue. A couple is one piece of work, so a partner's intake not yet opened takes the couple's therapist.
 */
@Component
@Transactional(readOnly = true)
class ReviewCaseRelations implements CaseRelations {

    private final JdbcTemplate jdbc;

    ReviewCaseRelations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Set<CaseRelation>> relations(Collection<CaseFacts> cases, long therapistId) {
        List<Long> ids = new ArrayList<>();
        cases.forEach(facts -> ids.addAll(facts.coupleIntakeIds()));
        Map<Long, Long> assignees = new HashMap<>();
        jdbc.query("select intake_id, assigned_therapist_id from review_case where intake_id = any(?)"
                + " and assigned_therapist_id is not null",
                rs -> {
                    assignees.put(rs.getLong(1), rs.getLong(2));
                }, (Object) ids.toArray(Long[]::new));
        Map<Long, Set<CaseRelation>> relations = new HashMap<>();
        for (CaseFacts facts : cases) {
            Long assignee = assignees.get(facts.intakeId());
            if (assignee == null) {
                assignee = facts.partnerIntakeIds().stream().map(assignees::get)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
            if (assignee == null) {
                relations.put(facts.intakeId(), EnumSet.of(CaseRelation.SHARED_QUEUE));
            } else if (assignee == therapistId) {
                relations.put(facts.intakeId(), EnumSet.of(CaseRelation.ASSIGNED));
            }
        }
        return relations;
    }
}
