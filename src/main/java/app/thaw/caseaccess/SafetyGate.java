package app.thaw.caseaccess;

import java.util.List;
import java.util.Optional;

/**
 * A clinical rule every booking must pass, whoever books and by whatever path (the diary, a series, a slot offer,
 * the client choosing a time). Features that hold the clinical facts implement it; the policy runs them all.
 * A check reads in one statement per client, in the caller's transaction when there is one (the booking's): no
 * transaction of its own, whose proxy cost a booking more than the reads.
 */
public interface SafetyGate {

    /**
     * @param clients       every client the session is for (both partners for a joint session)
     * @param joint         a session with both partners of a couple together
     * @param forTherapist  the person booking is a therapist (who can act on the refusal) rather than a manager
     */
    Optional<GateRefusal> check(List<CaseFacts> clients, boolean joint, boolean forTherapist);
}
