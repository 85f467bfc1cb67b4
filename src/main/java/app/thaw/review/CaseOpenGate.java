package app.thaw.review;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseFacts;
import app.thaw.caseaccess.GateRefusal;
import app.thaw.caseaccess.SafetyGate;

/**
 * No session for a client whose case is closed: a returning client's case is reopened first (a new episode, back in
 * review), so a closed case never has sessions to come. Read from the case's facts, no statement of its own.
 */
@Component
@Order(0)
class CaseOpenGate implements SafetyGate {

    @Override
    public Optional<GateRefusal> check(List<CaseFacts> clients, boolean joint, boolean forTherapist) {
        return clients.stream().filter(CaseFacts::closed).findFirst().map(client -> {
            String reference = client.reference();
            return forTherapist
                    ? new GateRefusal(reference + "'s case is closed. Reopen it (a new episode, back in review) before "
                            + "booking a session.", CaseLinks.careStage(reference), "Reopen " + reference)
                    : new GateRefusal(reference + "'s case is closed. A therapist reopens it (a new episode, back in "
                            + "review) before any session is booked.", CaseLinks.queueRow(reference),
                            "See " + reference + " in the queue");
        });
    }
}
