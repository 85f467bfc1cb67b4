package app.thaw.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.PdfText;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReferralService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.FactorService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;

/**
 * Outcome measures in a subject access export: the client's own answers and scores per measure and date (the intake's
 * and a repeat before a session), never the partner's, each one a part the clinician may withhold.
 */
@IntegrationTest
class SubjectAccessMeasuresIT {

    @Autowired SubjectAccessRequests requests;
    @Autowired DisclosureReviews reviews;
    @Autowired IntakeService intake;
    @Autowired CaseOpeningService caseOpening;
    @Autowired CaseWorkService caseWork;
    @Autowired FactorService factorService;
    @Autowired CaseAssignments assignments;
    @Autowired ReferralService referrals;
    @Autowired SchedulingService scheduling;
    @Autowired app.thaw.scheduling.SessionChanges changes;
    @Autowired UserDetailsService staff;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    ReviewTestData data;
    PrivacyTestData.Couple couple;
    SubjectAccessSteps steps;

    @BeforeEach
    void aCoupleWhoAnsweredMeasures() {
        data = new ReviewTestData(intake, staff, jdbc);
        couple = new PrivacyTestData(data, caseOpening, caseWork, factorService, assignments, referrals, scheduling, changes, jdbc).couple();
        steps = new SubjectAccessSteps(data, requests, reviews);
    }

    @Test
    void theClientsOwnMeasuresGoOutAndTheClinicianMayWithholdOne() throws java.io.IOException {
        long client = couple.client().id();
        long partner = couple.partner().id();
        Instant before = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // before a session the client answers the PHQ-9 (all "several days": 9) and the partner the CSI-4
        repeat(client, before, "{\"phq9.1\": [\"1\"], \"phq9.2\": [\"1\"], \"phq9.3\": [\"1\"], \"phq9.4\": [\"1\"], "
                + "\"phq9.5\": [\"1\"], \"phq9.6\": [\"1\"], \"phq9.7\": [\"1\"], \"phq9.8\": [\"1\"], "
                + "\"phq9.9\": [\"1\"]}", "phq9", 9);
        repeat(partner, before, "{\"csi4.1\": [\"5\"], \"csi4.2\": [\"5\"], \"csi4.3\": [\"5\"], \"csi4.4\": [\"4\"]}",
                "csi4", 19);
        int intakePhq9 = jdbc.queryForObject("select phq9 from measure_response where intake_id = ? and source = "
                + "'INTAKE'", Integer.class, client);

        long id = steps.record(client, "amira").id();
        DisclosureReview opened = data.as("amira", () -> reviews.open(AccessRequestId.of(id)));
        List<DisclosureItem> measures = opened.items().stream()
                .filter(i -> i.group().equals(DisclosureItems.MEASURES)).toList();
        assertThat(measures).extracting(DisclosureItem::title)
                .anySatisfy(t -> assertThat(t).startsWith("PHQ-9 (low mood) · Your intake form"))
                .anySatisfy(t -> assertThat(t).startsWith("PHQ-9 (low mood) · Before a session"))
                .noneSatisfy(t -> assertThat(t).startsWith("CSI-4"));
        DisclosureItem repeat = measures.stream().filter(i -> i.title().contains("Before a session")).findFirst()
                .orElseThrow();
        assertThat(repeat.text()).startsWith("Score 9 of 27\n")
                .contains("Little interest or pleasure in doing things: Several days");

        // the clinician withholds the repeat; the intake's measure goes out
        data.as("amira", () -> reviews.approve(AccessRequestId.of(id), Map.of(repeat.key(), "Would distress the client now"),
                opened.content()));
        ExportFile file = steps.json(id);
        SubjectAccessExport export = json.readValue(file.content(), SubjectAccessExport.class);
        assertThat(export.formatVersion()).isEqualTo(2);
        assertThat(export.measures()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.occasion()).isEqualTo("Your intake form"))
                .extracting(SubjectAccessExport.MeasureSet::measure).contains("PHQ-9 (low mood)", "GAD-7 (anxiety)")
                .doesNotContain("CSI-4 (relationship satisfaction)");
        assertThat(export.measures()).filteredOn(m -> m.measure().startsWith("PHQ-9")).singleElement()
                .satisfies(m -> {
                    assertThat(m.score()).isEqualTo(intakePhq9);
                    assertThat(m.max()).isEqualTo(27);
                    assertThat(m.answers()).hasSize(9);
                });
        String text = new String(file.content(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Would distress").doesNotContain("warm and comfortable relationship")
                .contains("withheld under the Data Protection Act 2018");

        String pdf = PdfText.of(steps.pdf(id).content()).replace("\n", " ");
        assertThat(pdf).contains("Your answers to outcome measures", "Little interest or pleasure");
    }

    private void repeat(long intakeId, Instant at, String answers, String scoreColumn, int score) {
        long appointment = jdbc.queryForObject("select id from appointment where intake_id = ? or partner_intake_id = ?"
                + " order by id limit 1", Long.class, intakeId, intakeId);
        long request = jdbc.queryForObject("""
                insert into measure_request (intake_id, appointment_id, measures, session_starts, created_at,
                    expires_at, answered_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, intakeId, appointment,
                scoreColumn.toUpperCase(java.util.Locale.ROOT), Timestamp.from(at.plusSeconds(3600)),
                Timestamp.from(at.minusSeconds(3600)), Timestamp.from(at.plusSeconds(7200)), Timestamp.from(at));
        jdbc.update("insert into measure_response (intake_id, request_id, source, answered_at, versions, answers, "
                + scoreColumn + ", risk) values (?, ?, 'CLIENT', ?, ?, cast(? as jsonb), ?, false)", intakeId, request,
                Timestamp.from(at), scoreColumn + "-v1", answers, score);
    }
}
