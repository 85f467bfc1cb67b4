package app.thaw.caseaccess;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What one feature knows of how a therapist stands to cases: review knows who a case is assigned to, scheduling who
 * has sessions with the client. The policy joins every implementation's answer.
 */
public interface CaseRelations {

    /** Per intake id, the relations this feature sees between the therapist and that case (absent: none). */
    Map<Long, Set<CaseRelation>> relations(Collection<CaseFacts> cases, long therapistId);
}
