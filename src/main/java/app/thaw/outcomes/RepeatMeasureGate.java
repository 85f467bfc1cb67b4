package app.thaw.outcomes;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseFacts;
import app.thaw.caseaccess.GateRefusal;
import app.thaw.caseaccess.SafetyGate;
import app.thaw.outcomes.domain.MeasureAlertStore;

/** No session of any kind while a risk answer on a repeat measure waits for the therapist's acknowledgement. */
@Component
class RepeatMeasureGate implements SafetyGate {

    private final MeasureAlertStore store;

    RepeatMeasureGate(MeasureAlertStore store) {
        this.store = store;
    }

    @Override
    public Optional<GateRefusal> check(List<CaseFacts> clients, boolean joint, boolean forTherapist) {
        for (CaseFacts client : clients) {
            if (store.hasOpenAlert(client.intakeId())) {
                String reference = client.reference();
                String first = reference + " gave a risk answer on a repeat measure that the therapist has not "
                        + "acknowledged yet.";
                return Optional.of(forTherapist
                        ? new GateRefusal(first + " Acknowledge it before booking any session.",
                                OutcomeLinks.alert(reference), "Acknowledge the alert for " + reference)
                        : new GateRefusal(first + " The therapist must acknowledge it before any session is booked; "
                                + "the case is at the top of the therapists' queue.", OutcomeLinks.queueRow(reference),
                                "See " + reference + " in the queue"));
            }
        }
        return Optional.empty();
    }
}
