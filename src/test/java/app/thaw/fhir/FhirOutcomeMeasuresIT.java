package app.thaw.fhir;

import static app.thaw.fhir.FhirCaseFixture.asApiClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeService;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.outcomes.Measure;
import app.thaw.outcomes.MeasureCatalog;
import app.thaw.outcomes.SampleAnswers;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.security.StaffAccountService;

/**
 * Finding F2: the transfer-of-care document and the Observation search carry every outcome measure of the course, not
 * only the intake's scores, each dated and coded, with the course and its state told in the document; and one
 * partner's measures never appear in the other's resources.
 */
@IntegrationTest
class FhirOutcomeMeasuresIT {

    private static final String BASE = "https://thaw.example/fhir/R4";
    private static final String PHQ9_TOTAL = "44261-6";
    private static final String GAD7_TOTAL = "70274-6";

    @Autowired IntakeService intake;
    @Autowired StaffAccountService staff;
    @Autowired CaseWorkService caseWork;
    @Autowired ReferralService referrals;
    @Autowired SchedulingService scheduling;
    @Autowired SessionChanges changes;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    @Autowired MeasureCatalog catalog;
    @Autowired FhirReads reads;
    @Autowired FhirSearches searches;
    @Autowired CaseTransferExports exports;

    ReviewTestData data;
    FhirCaseFixture fixture;
    Instant firstRepeat;
    Instant secondRepeat;

    /** The client (intake PHQ-9 12) worsens to 16, then 20 with a risk answer; the partner (10) improves to 3. */
    @BeforeEach
    void aCoupleWhoAnsweredRepeatMeasures() {
        data = new ReviewTestData(intake, staff, jdbc);
        fixture = FhirCaseFixture.create(data, caseWork, referrals, scheduling, changes, jdbc);
        // answered after the intake the fixture just sent, as a course's measures are
        firstRepeat = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        secondRepeat = firstRepeat.plus(2, ChronoUnit.HOURS);
        repeat(fixture.intakeId(), firstRepeat, SampleAnswers.forPhq9(catalog, 16, true).given());
        Map<String, List<String>> risky = new LinkedHashMap<>(SampleAnswers.forPhq9(catalog, 19, true).given());
        risky.put("phq9.9", List.of("1"));
        repeat(fixture.intakeId(), secondRepeat, risky);
        repeat(fixture.partnerIntakeId(), firstRepeat.plus(1, ChronoUnit.HOURS),
                SampleAnswers.forPhq9(catalog, 3, true).given());
    }

    @Test
    void theObservationSearchHoldsEveryMeasureOfTheCourseNewestLastAndNoneOfThePartners() {
        List<Observation> phq9 = observations(fixture.reference(), PHQ9_TOTAL);
        assertThat(phq9).extracting(o -> ((IntegerType) o.getValue()).getValue()).containsExactly(12, 16, 20);
        assertThat(phq9).extracting(o -> o.getEffectiveDateTimeType().getValue().toInstant())
                .element(1).isEqualTo(firstRepeat);
        assertThat(phq9.get(2).getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(secondRepeat);
        assertThat(phq9).extracting(o -> o.getInterpretationFirstRep().getText())
                .containsExactly("Moderate", "Moderately severe", "Severe");
        assertThat(phq9).extracting(o -> o.getIdPart()).allMatch(id -> id.startsWith(fixture.reference() + "-"));
        assertThat(phq9.get(2).getDerivedFromFirstRep().getReference())
                .startsWith("QuestionnaireResponse/" + fixture.reference() + "-phq9-");
        assertThat(observations(fixture.reference(), GAD7_TOTAL)).hasSize(3);

        List<Resource> all = search(fixture.reference(), "Observation");
        // the relationship measure has no LOINC code: Thaw's own score code, as the intake's scores have
        assertThat(all).map(o -> (Observation) o).filteredOn(o -> o.getCode().getText().startsWith("CSI-4"))
                .hasSize(2).allSatisfy(o -> assertThat(o.getCode().getCoding()).extracting(c -> c.getSystem() + "|"
                        + c.getCode()).containsExactly("https://thaw.app/fhir/CodeSystem/score|csi4"));
        all.forEach(FhirValidation::assertValid);
        assertThat(search(fixture.reference(), "Flag")).map(f -> ((Flag) f).getIdPart())
                .anyMatch(id -> id.startsWith(fixture.reference() + "-phq9-") && id.endsWith("-phq9-item9"));

        assertThat(observations(fixture.partnerReference(), PHQ9_TOTAL))
                .extracting(o -> ((IntegerType) o.getValue()).getValue()).containsExactly(10, 3);
        assertThat(search(fixture.partnerReference(), "Observation"))
                .allMatch(o -> o.getIdPart().startsWith(fixture.partnerReference() + "-"));
    }

    @Test
    void theTransferDocumentCarriesTheCourseAndItsStateAndNeverThePartnersMeasures() {
        var file = data.as(FhirCaseFixture.THERAPIST, () -> exports.download(IntakeId.of(fixture.intakeId())));
        var bundle = (Bundle) FhirValidation.assertValidJson(new String(file.content(), StandardCharsets.UTF_8));

        Composition composition = (Composition) bundle.getEntryFirstRep().getResource();
        var scores = composition.getSection().stream().filter(s -> s.getTitle().equals("Scores")).findFirst()
                .orElseThrow();
        List<Observation> phq9 = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation).map(r -> (Observation) r)
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> c.getCode().equals(PHQ9_TOTAL))).toList();
        assertThat(phq9).extracting(o -> ((IntegerType) o.getValue()).getValue()).containsExactly(12, 16, 20);
        assertThat(scores.getEntry()).extracting(r -> r.getReference())
                .contains("Observation/" + phq9.get(2).getIdPart());
        String narrative = scores.getText().getDivAsString();
        assertThat(narrative).containsPattern("PHQ-9 \\(low mood\\): 12 Moderate \\([^)]*, intake\\) → "
                + "16 Moderately severe \\([^)]*\\) → 20 Severe")
                .contains("Reliable deterioration");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType() + "/"
                + e.getResource().getIdElement().getIdPart())
                .contains("Questionnaire/measure-phq9-v1")
                .noneMatch(id -> id.contains(fixture.partnerReference()));

        var partner = (Bundle) asApiClient(Set.of(ApiScopes.ALL),
                () -> reads.read("Bundle", fixture.partnerReference(), BASE));
        String partnerNarrative = ((Composition) partner.getEntryFirstRep().getResource()).getSection().stream()
                .filter(s -> s.getTitle().equals("Scores")).findFirst().orElseThrow().getText().getDivAsString();
        assertThat(partnerNarrative).containsPattern("PHQ-9 \\(low mood\\): 10 Moderate \\([^)]*, intake\\) → "
                + "3 Minimal").doesNotContain("→ 16").doesNotContain("Reliable deterioration");
        assertThat(FhirValidation.FHIR.newJsonParser().encodeResourceToString(partner))
                .doesNotContain(fixture.reference() + "-phq9");
    }

    private List<Observation> observations(String reference, String loinc) {
        return search(reference, "Observation").stream().map(o -> (Observation) o)
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> c.getCode().equals(loinc))).toList();
    }

    private List<Resource> search(String reference, String type) {
        return asApiClient(Set.of(ApiScopes.ALL), () -> searches.search(new FhirSearch(type, reference, null, null,
                null, 50, null))).matches();
    }

    /** One set answered before a session, stored as the client's own link stores it (scored by the real scorer). */
    private void repeat(long intakeId, Instant at, Map<String, List<String>> given) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Measure measure : Measure.scoredMeasures()) {
            Scorer.score(catalog.definition(measure), Answers.of(given)).scores().stream()
                    .filter(s -> s.id().equals(measure.scoreId())).findFirst()
                    .ifPresent(s -> scores.put(measure.scoreId(), s.total()));
        }
        long appointment = jdbc.queryForObject("""
                select id from appointment where (intake_id = ? or partner_intake_id = ?)
                   and id not in (select appointment_id from measure_request where intake_id = ?)
                 order by id limit 1""", Long.class, intakeId, intakeId, intakeId);
        long request = jdbc.queryForObject("""
                insert into measure_request (intake_id, appointment_id, measures, session_starts, created_at,
                    expires_at, answered_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, intakeId, appointment,
                Measure.store(Measure.COUPLES), Timestamp.from(at.plusSeconds(3600)),
                Timestamp.from(at.minusSeconds(3600)), Timestamp.from(at.plusSeconds(7200)), Timestamp.from(at));
        String versions = String.join(",", Measure.COUPLES.stream().map(m -> catalog.definition(m).key()).toList());
        jdbc.update("""
                insert into measure_response (intake_id, request_id, source, answered_at, versions, answers, phq9,
                    gad7, csi4, feelings, risk)
                values (?, ?, 'CLIENT', ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)""", intakeId, request,
                Timestamp.from(at), versions, json.writeValueAsString(given), scores.get("phq9"), scores.get("gad7"),
                scores.get("csi4"), scores.get("feelings"), given.getOrDefault("phq9.9", List.of("0")).contains("1"));
    }
}
