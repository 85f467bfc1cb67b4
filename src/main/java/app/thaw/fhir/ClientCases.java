package app.thaw.fhir;

import java.util.ArrayList;
import java.util.Comparator;
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
        return new ClientCase(client, responses(grant, client).responses(), List.of(), List.of());
    }

    /** Everything: the transfer-of-care document. */
    ClientCase whole(CaseGrant grant) {
        SubmittedIntake client = intakes.find(grant);
        MeasureResponses.Course answered = responses(grant, client);
        return new ClientCase(client, answered.responses(), records.referrals(grant), sessions.sessionsOf(grant),
                answered.outcome());
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

    /** Every answered questionnaire, oldest first (the intake, then the measures in the order they were answered). */
    private MeasureResponses.Course responses(CaseGrant grant, SubmittedIntake client) {
        List<AnsweredQuestionnaire> all = new ArrayList<>();
        String outcome = "";
        for (ResponseSource source : responseSources) {
            switch (source) {
                // the intake was just read: no second read for its own response
                case IntakeResponses intake -> all.add(IntakeResponses.of(client));
                case MeasureResponses measures -> {
                    MeasureResponses.Course course = measures.course(grant);
                    all.addAll(course.responses());
                    outcome = course.outcome();
                }
                default -> all.addAll(source.responses(grant));
            }
        }
        all.sort(Comparator.comparing(AnsweredQuestionnaire::authored));
        return new MeasureResponses.Course(all, outcome);
    }
}
