package app.thaw.fhir.mapping;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import app.thaw.caseaccess.NotACasePath;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralRecord;
import app.thaw.scheduling.CaseSession;
import app.thaw.scheduling.SessionFormat;

/**
 * The practice's work with the client: sessions as Appointments (the client alone among the participants, even in a
 * joint session) and outside referrals (GP, NHS Talking Therapies, crisis services) as ServiceRequests.
 */
public final class CareResources {

    /** Why the case-access guard may skip these: they read nothing, the caller read the records under a grant. */
    static final String MAPS_ONLY = "maps records its caller already read under a case grant; reads nothing itself";

    @NotACasePath(MAPS_ONLY)
    public Appointment appointment(String reference, CaseSession session) {
        var appointment = new Appointment();
        appointment.setId(FhirIds.session(reference, session.id()));
        appointment.setStatus(switch (session.state()) {
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case ATTENDED -> Appointment.AppointmentStatus.FULFILLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
        });
        appointment.addServiceType(new CodeableConcept().setText(session.typeLabel()));
        appointment.setDescription(session.typeLabel() + ", " + where(session)
                + (session.joint() ? "; a joint session with their partner" : ""));
        appointment.setStart(Date.from(session.start().toInstant()));
        appointment.setEnd(Date.from(session.end().toInstant()));
        appointment.setMinutesDuration((int) java.time.Duration.between(session.start(), session.end()).toMinutes());
        appointment.setCreated(Date.from(session.bookedAt()));
        if (session.cancelledAt() != null) {
            // who cancelled, never why: the reason may hold the client's own words
            appointment.setCancelationReason(new CodeableConcept().setText(Boolean.TRUE.equals(session.cancelledByClient())
                    ? "Cancelled by the client" : "Cancelled by the practice"));
        }
        appointment.addParticipant().setActor(CaseResources.patientReference(reference))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference().setDisplay(session.therapistName()))
                .addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                        "PPRF", "primary performer")))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        if (session.roomName() != null) {
            appointment.addParticipant().setActor(new Reference().setDisplay(session.roomName()))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        return appointment;
    }

    private static String where(CaseSession session) {
        if (session.format() == SessionFormat.ONLINE) {
            return "online";
        }
        return session.roomName() == null ? "in person" : "in person, " + session.roomName();
    }

    /**
     * Outside referrals, newest first: the latest decision on the case stands (active), earlier ones were replaced
     * (revoked). Referrals within the practice (couples or individual work) are sessions, not service requests.
     */
    @NotACasePath(MAPS_ONLY)
    public List<ServiceRequest> referrals(String reference, List<ReferralRecord> newestFirst) {
        List<ServiceRequest> requests = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            ReferralRecord referral = newestFirst.get(i);
            if (!referral.kind().isOutside()) {
                continue;
            }
            var request = new ServiceRequest();
            request.setId(FhirIds.referral(reference, referral.id()));
            request.setStatus(i == 0 ? ServiceRequest.ServiceRequestStatus.ACTIVE
                    : ServiceRequest.ServiceRequestStatus.REVOKED);
            request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
            request.addCategory(new CodeableConcept().setText("Referral"));
            request.setCode(new CodeableConcept(new Coding(ThawFhir.REFERRAL_KIND_CODES, referral.kind().name(),
                    referral.kind().label())).setText(referral.kind().label()));
            request.setSubject(CaseResources.patientReference(reference));
            request.setAuthoredOn(Date.from(referral.decidedAt()));
            request.setRequester(new Reference().setDisplay(referral.decidedBy()));
            request.setPerformerType(new CodeableConcept().setText(performer(referral.kind())));
            if (referral.reason() != null && !referral.reason().isBlank()) {
                request.addReasonCode(new CodeableConcept().setText(referral.reason()));
            }
            requests.add(request);
        }
        return requests;
    }

    static String performer(ReferralKind kind) {
        return switch (kind) {
            case GP_MEDICATION_REVIEW, GP_HORMONAL_REVIEW -> "General practitioner";
            case NHS_TALKING_THERAPIES -> "NHS Talking Therapies for anxiety and depression";
            case CRISIS_SERVICE -> "Crisis resolution and home treatment team";
            case COUPLES, INDIVIDUAL, BOTH -> "The practice";
        };
    }
}
