package app.thaw.caseaccess;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a case's facts by reference or id; implemented by the intake feature, which keeps intakes. Only the policy
 * calls it: anything else goes through {@link CaseAccess}, so nobody learns a case exists without being allowed to.
 * Each look-up is one statement, in the caller's transaction when there is one.
 */
public interface CaseDirectory {

    Optional<CaseFacts> byReference(String reference);

    Optional<CaseFacts> byId(long intakeId);

    /** Several at once (a week of the diary); unknown ids are left out. */
    Map<Long, CaseFacts> byIds(Collection<Long> intakeIds);
}
