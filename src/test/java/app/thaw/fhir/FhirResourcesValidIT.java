package app.thaw.fhir;

import static app.thaw.fhir.FhirCaseFixture.asApiClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.security.StaffAccountService;

/**
 * Issue 18, "valid, always": every resource type Thaw produces, generated from a realistic case through the real
 * services, passes HAPI's validator against base R4 with no errors; and the client's document never holds the
 * partner's answers.
 */
@IntegrationTest
class FhirResourcesValidIT {

    private static final String BASE = "https://thaw.example/fhir/R4";

    @Autowired IntakeService intake;
    @Autowired StaffAccountService staff;
    @Autowired CaseWorkService caseWork;
    @Autowired ReferralService referrals;
    @Autowired SchedulingService scheduling;
    @Autowired SessionChanges changes;
    @Autowired JdbcTemplate jdbc;
    @Autowired FhirReads reads;
    @Autowired FhirSearches searches;
    @Autowired CaseTransferExports exports;

    ReviewTestData data;
    FhirCaseFixture fixture;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        fixture = FhirCaseFixture.create(data, caseWork, referrals, scheduling, changes, jdbc);
    }

    @Test
    void everyResourceTypeOfARealisticCaseIsValidR4() {
        Set<String> all = Set.of(ApiScopes.ALL);
        var patient = (Patient) asApiClient(all, () -> reads.read("Patient", fixture.reference(), BASE));
        assertThat(patient.getTelecom()).extracting(t -> t.getSystem().toCode()).contains("email", "phone", "sms");
        assertThat(patient.getGeneralPractitionerFirstRep().getDisplay()).contains("Ancoats");
        FhirValidation.assertValid(patient);

        var response = (QuestionnaireResponse) asApiClient(all, () -> reads.read("QuestionnaireResponse",
                fixture.reference() + "-intake", BASE));
        assertThat(response.getQuestionnaire()).isEqualTo("https://thaw.app/fhir/Questionnaire/intake|2");
        assertThat(response.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED);
        FhirValidation.assertValid(response);

        List<Resource> scores = search("Observation");
        assertThat(scores).extracting(o -> ((Observation) o).getCode().getCodingFirstRep().getCode())
                .contains("44261-6", "70274-6");
        List<Resource> flags = search("Flag");
        assertThat(flags).extracting(f -> ((Flag) f).getCode().getCodingFirstRep().getCode()).contains("phq9_item9");
        List<Resource> sessions = search("Appointment");
        assertThat(sessions).hasSize(3).extracting(a -> ((Appointment) a).getStatus().toCode())
                .contains("booked", "cancelled");
        List<Resource> requests = search("ServiceRequest");
        assertThat(requests).extracting(r -> ((ServiceRequest) r).getStatus().toCode())
                .containsExactly("active", "revoked");
        for (List<Resource> found : List.of(scores, flags, sessions, requests)) {
            found.forEach(FhirValidation::assertValid);
        }

        asApiClient(all, () -> searches.search(new FhirSearch("Questionnaire", null, null, null, null, 10, null)))
                .matches().forEach(FhirValidation::assertValid);
        var bundle = (Bundle) asApiClient(all, () -> reads.read("Bundle", fixture.reference(), BASE));
        FhirValidation.assertValid(bundle);
    }

    @Test
    void theTransferDocumentHoldsTheClientsOwnRecordsAndNeverThePartnersAnswers() {
        var file = data.as(FhirCaseFixture.THERAPIST, () -> exports.download(IntakeId.of(fixture.intakeId())));
        String json = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
        var bundle = (Bundle) FhirValidation.assertValidJson(json);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(json).contains(fixture.clientName(), "Sertraline since last spring", "07700 900456")
                .doesNotContain(fixture.partnerSecret()).doesNotContain(fixture.partnerReference())
                .doesNotContain("Client's own words about why");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .contains("Composition", "Patient", "Organization", "Questionnaire", "QuestionnaireResponse",
                        "Observation", "Flag", "ServiceRequest", "Appointment");
        assertThat(data.auditActions(fixture.intakeId())).contains("FHIR_EXPORTED");
    }

    private List<Resource> search(String type) {
        return asApiClient(Set.of(ApiScopes.ALL), () -> searches.search(new FhirSearch(type, fixture.reference(), null,
                null, null, 50, null))).matches();
    }
}
