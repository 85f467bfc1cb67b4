package app.thaw.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.fhir.mapping.AnsweredQuestionnaire;
import app.thaw.fhir.mapping.CareResources;
import app.thaw.fhir.mapping.CaseResources;
import app.thaw.fhir.mapping.ClientCase;
import app.thaw.intake.IntakeStatus;

/** Every resource of one type in one client's case, reading only what that type needs. */
@Component
class CaseResourceLists {

    private final ClientCases cases;
    private final CaseResources resources;
    private final CareResources care;

    CaseResourceLists(ClientCases cases, CaseResources resources, CareResources care) {
        this.cases = cases;
        this.resources = resources;
        this.care = care;
    }

    List<Resource> of(CaseGrant grant, String type) {
        List<Resource> found = new ArrayList<>();
        switch (type) {
            case "Patient" -> found.add(resources.patient(cases.client(grant).client()));
            case "QuestionnaireResponse", "Observation", "Flag" -> {
                ClientCase clientCase = cases.answers(grant);
                boolean closed = clientCase.client().status() == IntakeStatus.CLOSED;
                for (AnsweredQuestionnaire answered : clientCase.responses()) {
                    switch (type) {
                        case "QuestionnaireResponse" -> found.add(resources.response(clientCase.reference(), answered));
                        case "Observation" -> found.addAll(resources.scores(clientCase.reference(), answered));
                        default -> found.addAll(resources.flags(clientCase.reference(), answered, closed));
                    }
                }
            }
            case "Appointment" -> {
                ClientCase clientCase = cases.sessions(grant);
                clientCase.sessions().forEach(s -> found.add(care.appointment(clientCase.reference(), s)));
            }
            case "ServiceRequest" -> {
                ClientCase clientCase = cases.referrals(grant);
                found.addAll(care.referrals(clientCase.reference(), clientCase.referrals()));
            }
            default -> throw new IllegalArgumentException("Not a case resource type: " + type);
        }
        return found;
    }

    /** The instant a date search of this type compares: when answered, scored, flagged, booked for or referred. */
    static @Nullable Instant dateOf(Resource resource) {
        return switch (resource) {
            case QuestionnaireResponse response -> instant(response.getAuthored());
            case Observation observation -> instant(observation.getIssued());
            case Flag flag -> instant(flag.getPeriod().getStart());
            case Appointment appointment -> instant(appointment.getStart());
            case ServiceRequest request -> instant(request.getAuthoredOn());
            default -> null;
        };
    }

    private static @Nullable Instant instant(java.util.@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
