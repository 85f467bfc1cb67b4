package app.thaw.fhir;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.fhir.mapping.AnsweredQuestionnaire;
import app.thaw.fhir.mapping.ClientCase;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.review.CaseRecords;
import app.thaw.scheduling.ClientSessionRecords;

/**
 * Reads one client's side of a case from the features that keep it, with the grant the policy gave: nothing of the
 * partner's intake is read, even in a couple's case. Callers audit.
 */
@Component
class ClientCases {

    private final SubmittedIntakes intakes;
    private final List<ResponseSource> responseSources;
    private final CaseRecords records;
    private final ClientSessionRecords sessions;

    ClientCases(SubmittedIntakes intakes, List<ResponseSource> responseSources, CaseRecords records,
                ClientSessionRecords sessions) {
        this.intakes = intakes;
        this.responseSources = responseSources;
        this.records = records;
        this.sessions = sessions;
    }

    /** The client and their answers only: what a QuestionnaireResponse, Observation or Flag read needs. */
    ClientCase answers(CaseGrant grant) {
        SubmittedIntake client = intakes.find(grant);
        return new ClientCase(client, responses(grant, client), List.of(), List.of());
    }

    /** Everything: the transfer-of-care document. */
    ClientCase whole(CaseGrant grant) {
        SubmittedIntake client = intakes.find(grant);
        return new ClientCase(client, responses(grant, client), records.referrals(grant), sessions.sessionsOf(grant));
    }

    ClientCase client(CaseGrant grant) {
        return new ClientCase(intakes.find(grant), List.of(), List.of(), List.of());
    }

    ClientCase referrals(CaseGrant grant) {
        return new ClientCase(intakes.find(grant), List.of(), records.referrals(grant), List.of());
    }

    ClientCase sessions(CaseGrant grant) {
        return new ClientCase(intakes.find(grant), List.of(), List.of(), sessions.sessionsOf(grant));
    }

    private List<AnsweredQuestionnaire> responses(CaseGrant grant, SubmittedIntake client) {
        List<AnsweredQuestionnaire> all = new ArrayList<>();
        for (ResponseSource source : responseSources) {
            // the intake was just read: no second read for its own response
            all.addAll(source instanceof IntakeResponses ? List.of(IntakeResponses.of(client)) : source.responses(grant));
        }
        return all;
    }
}
