package app.thaw.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.ApiClientId;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.security.StaffAccountService;

/**
 * Issue 18's "done when", over real HTTP as the README's curl commands do it: a token reads the intake Questionnaire,
 * a QuestionnaireResponse and the case bundle, each valid R4; a token without the scope gets 403 and an audit entry;
 * every bad request gets an OperationOutcome.
 */
@IntegrationTest
class FhirApiIT {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired StaffAccountService staff;
    @Autowired CaseWorkService caseWork;
    @Autowired ReferralService referrals;
    @Autowired SchedulingService scheduling;
    @Autowired SessionChanges changes;
    @Autowired ApiClients clients;
    @Autowired JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    ReviewTestData data;
    FhirCaseFixture fixture;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        fixture = FhirCaseFixture.create(data, caseWork, referrals, scheduling, changes, jdbc);
    }

    @Test
    void aTokenReadsTheIntakeQuestionnaireAResponseAndTheCaseBundleEachValid() throws Exception {
        IssuedApiToken token = issue("NHS Talking Therapies (test)", Set.of("system/Questionnaire.read",
                "system/QuestionnaireResponse.read", "system/Bundle.read"));

        var questionnaire = get("/Questionnaire/intake-v2", token.token());
        assertThat(questionnaire.statusCode()).isEqualTo(200);
        assertThat(questionnaire.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
        var q = (Questionnaire) FhirValidation.assertValidJson(questionnaire.body());
        assertThat(q.getUrl() + "|" + q.getVersion()).isEqualTo("https://thaw.app/fhir/Questionnaire/intake|2");

        var response = get("/QuestionnaireResponse/" + fixture.reference() + "-intake", token.token());
        assertThat(response.statusCode()).isEqualTo(200);
        var qr = (QuestionnaireResponse) FhirValidation.assertValidJson(response.body());
        assertThat(qr.getQuestionnaire()).isEqualTo("https://thaw.app/fhir/Questionnaire/intake|2");

        var document = get("/Bundle/" + fixture.reference(), token.token());
        assertThat(document.statusCode()).isEqualTo(200);
        var bundle = (Bundle) FhirValidation.assertValidJson(document.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.DOCUMENT);
        assertThat(bundle.getEntryFirstRep().getFullUrl()).startsWith("http://localhost:" + port + "/fhir/R4/");
        assertThat(document.body()).doesNotContain(fixture.partnerSecret());

        List<Map<String, Object>> reads = jdbc.queryForList("select actor_name, detail from audit_entry "
                + "where intake_id = ? and action = 'FHIR_READ' order by id", fixture.intakeId());
        assertThat(reads).extracting(r -> r.get("detail")).containsExactly(
                "QuestionnaireResponse/" + fixture.reference() + "-intake", "Bundle/" + fixture.reference());
        assertThat(reads).extracting(r -> r.get("actor_name"))
                .containsOnly("API client «NHS Talking Therapies (test)» #" + token.clientId());
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedWith403AndAnAuditEntry() throws Exception {
        IssuedApiToken token = issue("Research registry (test)", Set.of("system/Questionnaire.read"));
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);

        var refused = get("/QuestionnaireResponse/" + fixture.reference() + "-intake", token.token());

        assertThat(refused.statusCode()).isEqualTo(403);
        var outcome = (OperationOutcome) FhirValidation.assertValidJson(refused.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(refused.body()).doesNotContain(fixture.clientName());
        assertThat(jdbc.queryForList("select action, actor_name, case_reference from audit_entry where id > ?",
                before)).anySatisfy(row -> {
                    assertThat(row.get("action")).isEqualTo("FHIR_REFUSED");
                    assertThat(row.get("actor_name")).isEqualTo("API client «Research registry (test)» #"
                            + token.clientId());
                    assertThat(row.get("case_reference")).isEqualTo(fixture.reference());
                });
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where id > ? and action = 'FHIR_READ'",
                Integer.class, before)).isZero();
    }

    @Test
    void noTokenAForgedOneARevokedOneAllGet401() throws Exception {
        String path = "/QuestionnaireResponse/" + fixture.reference() + "-intake";
        var none = http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        FhirValidation.assertValidJson(none.body());
        assertThat(get(path, "thaw_" + "x".repeat(43)).statusCode()).isEqualTo(401);
        assertThat(get(path, "not a token").statusCode()).isEqualTo(401);

        IssuedApiToken token = issue("Old EHR link (test)", Set.of(ApiScopes.ALL));
        assertThat(get(path, token.token()).statusCode()).isEqualTo(200);
        data.as("admin", () -> clients.revoke(ApiClientId.of(token.clientId())));
        var revoked = get(path, token.token());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("revoked");
        var metadata = http.send(HttpRequest.newBuilder(uri("/metadata")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        FhirValidation.assertValidJson(metadata.body());
        assertThat(FhirValidation.FHIR.newJsonParser().parseResource(CapabilityStatement.class, metadata.body())
                .getRestFirstRep().getResource()).extracting(r -> r.getType()).contains("QuestionnaireResponse");
    }

    @Test
    void badRequestsGetOperationOutcomesNeverStackTraces() throws Exception {
        String token = issue("Integration engine (test)", Set.of(ApiScopes.ALL)).token();
        Map<String, Integer> expected = Map.of(
                "/Medication/abc", 404,
                "/QuestionnaireResponse/THW-000000-intake", 404,
                "/QuestionnaireResponse/" + fixture.reference() + "-nothing", 404,
                "/QuestionnaireResponse?authored=last-tuesday", 400,
                "/QuestionnaireResponse?colour=blue", 400,
                "/Observation?date=ge2026-01-01", 400,
                "/Patient/" + fixture.reference() + "?_format=pdf", 400,
                "/Patient", 400,
                "/no/such/path/at/all", 404);
        for (var request : expected.entrySet()) {
            var answer = get(request.getKey(), token);
            assertThat(answer.statusCode()).as(request.getKey()).isEqualTo(request.getValue());
            var outcome = (OperationOutcome) FhirValidation.FHIR.newJsonParser().parseResource(answer.body());
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).as(request.getKey()).isNotBlank();
            assertThat(answer.body()).as(request.getKey()).doesNotContain("Exception").doesNotContain("at app.thaw");
        }
        var post = http.send(HttpRequest.newBuilder(uri("/Patient")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        FhirValidation.assertValidJson(post.body());
    }

    @Test
    void searchesByPatientDateAndQuestionnaireReturnValidSearchsets() throws Exception {
        String token = issue("Outcomes dashboard (test)", Set.of(ApiScopes.ALL)).token();
        String today = LocalDate.now(app.thaw.Application.PRACTICE_ZONE).toString();

        var byPatient = get("/Observation?patient=Patient/" + fixture.reference() + "&code=http://loinc.org|44261-6",
                token);
        var observations = (Bundle) FhirValidation.assertValidJson(byPatient.body());
        assertThat(observations.getEntry()).hasSize(1);

        String query = "/QuestionnaireResponse?questionnaire=https://thaw.app/fhir/Questionnaire/intake|2"
                + "&authored=ge" + today + "&_count=1";
        var page = (Bundle) FhirValidation.assertValidJson(get(query, token).body());
        assertThat(page.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(page.getEntry()).hasSize(1);
        assertThat(page.getLink("next")).isNotNull();
        var xml = http.send(HttpRequest.newBuilder(uri("/Patient/" + fixture.reference()))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+xml").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+xml");
        FhirValidation.assertValid(FhirValidation.FHIR.newXmlParser().parseResource(xml.body()));
    }

    @Test
    void aPatientsSearchPagesThroughEveryMatchByItsNextLinksWithTheTotal() throws Exception {
        String token = issue("Practice EHR (test)", Set.of(ApiScopes.ALL)).token();
        String patient = "patient=Patient/" + fixture.reference();
        var whole = (Bundle) FhirValidation.assertValidJson(get("/Appointment?" + patient, token).body());
        assertThat(whole.getEntry()).hasSize(3);
        assertThat(whole.getTotal()).isEqualTo(3);
        List<String> all = whole.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList();

        for (int count : List.of(1, 2)) {
            List<String> paged = new java.util.ArrayList<>();
            String next = "http://localhost:" + port + "/fhir/R4/Appointment?" + patient + "&_count=" + count;
            int pages = 0;
            while (next != null) {
                var page = (Bundle) FhirValidation.assertValidJson(getUrl(next, token).body());
                assertThat(page.getTotal()).as("total on every page").isEqualTo(3);
                assertThat(page.getEntry()).hasSizeBetween(1, count);
                page.getEntry().forEach(entry -> paged.add(entry.getFullUrl()));
                next = page.getLink("next") == null ? null : page.getLink("next").getUrl();
                assertThat(++pages).as("pages of " + count).isLessThanOrEqualTo(3);
            }
            assertThat(paged).as("pages of " + count).containsExactlyElementsOf(all);
            assertThat(pages).isEqualTo(count == 1 ? 3 : 2);
        }

        String secondPage = ((Bundle) FhirValidation.assertValidJson(get("/Appointment?" + patient + "&_count=2",
                token).body())).getLink("next").getUrl();
        String narrower = issue("Scores only (test)", Set.of("system/Observation.read")).token();
        assertThat(getUrl(secondPage, narrower).statusCode()).as("each page is checked against the token")
                .isEqualTo(403);
    }

    @Test
    void aDateSearchesTheWholeYearMonthOrSecondItNames() throws Exception {
        String token = issue("Outcomes registry (test)", Set.of(ApiScopes.ALL)).token();
        String patient = "/QuestionnaireResponse?patient=" + fixture.reference() + "&authored=";
        var response = (QuestionnaireResponse) FhirValidation.assertValidJson(get("/QuestionnaireResponse/"
                + fixture.reference() + "-intake", token).body());
        String second = response.getAuthoredElement().getValueAsString();
        LocalDate day = response.getAuthored().toInstant().atZone(app.thaw.Application.PRACTICE_ZONE).toLocalDate();
        String month = day.toString().substring(0, 7);

        Map<String, Integer> found = Map.of(
                "eq" + second, 1, second, 1, "gt" + second, 0, "le" + second, 1, "ge" + second, 1, "lt" + second, 0,
                String.valueOf(day.getYear()), 1, month, 1, "ge" + month, 1, "lt" + month, 0);
        for (var search : found.entrySet()) {
            var answer = get(patient + search.getKey().replace("+", "%2B"), token);
            assertThat(answer.statusCode()).as(search.getKey()).isEqualTo(200);
            assertThat(((Bundle) FhirValidation.assertValidJson(answer.body())).getEntry()).as(search.getKey())
                    .hasSize(search.getValue());
        }
        for (String invalid : List.of("2026-13", "20261", "2026-11-31")) {
            var refused = get(patient + invalid, token);
            assertThat(refused.statusCode()).as(invalid).isEqualTo(400);
            var outcome = (OperationOutcome) FhirValidation.assertValidJson(refused.body());
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("'" + invalid + "' is not a FHIR date");
        }
    }

    private IssuedApiToken issue(String name, Set<String> scopes) {
        return data.as("admin", () -> clients.create(name, scopes, 30));
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getUrl(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url.replace("|", "%7C"))).header("Authorization",
                "Bearer " + token).header("Accept", "application/fhir+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/fhir/R4" + path.replace("|", "%7C"));
    }
}
