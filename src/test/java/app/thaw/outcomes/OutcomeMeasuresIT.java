package app.thaw.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.MeasureRequestId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.SessionTimes;
import app.thaw.care.TherapyOutcome;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.review.CareActions;
import app.thaw.review.ReferralKind;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionFormat;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * Issue 16 end to end through the real services: a couple's intake gives the first measure, each partner gets their
 * own link before each session (by email where they chose email, always on their status page), answers privately,
 * a risk answer on a repeat measure alerts the therapist, tops the queue and stops booking until acknowledged, and the
 * ended course lands in the practice's summary.
 */
@IntegrationTest
class OutcomeMeasuresIT {

    @Autowired IntakeService intake;

    @Autowired ClientStatusService clientStatus;
    @Autowired StaffAccountService staff;
    @Autowired ReferralService referrals;
    @Autowired CareActions care;
    @Autowired SchedulingService scheduling;
    @Autowired SessionChanges changes;
    @Autowired MeasureLinks links;
    @Autowired MeasureForms forms;
    @Autowired OutcomeService outcomes;
    @Autowired CaseAccess access;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCouplesRepeatMeasuresFromIntakeToTheSummary() {
        var data = new ReviewTestData(intake, staff, jdbc);
        String word = ReviewTestData.uniqueWord();
        Answers low = IntakeFixtures.couplesAnswers("Alex " + word);
        for (int i = 1; i <= 8; i++) {
            low = low.with("phq9." + i, "2");
        }
        for (int i = 1; i <= 7; i++) {
            low = low.with("gad7." + i, "2");
        }
        var alex = data.submit(low);
        var sam = data.submitPartner(alex.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers("Sam " + word));

        // the intake's own answers are each partner's first measure
        assertThat(scores(alex.id())).containsExactly("INTAKE 16/14");
        assertThat(scores(sam.id())).containsExactly("INTAKE 8/7");

        data.as("amira", () -> referrals.decideReferral(IntakeId.of(alex.id()), ReferralKind.COUPLES, "Joint work.",
                null));
        long tom = data.idOf("tom");

        // the day before the first session: each partner gets their own request, leaving out what the intake
        // measured; Alex chose email, so Alex's link goes by email too, with nothing clinical in it
        long first = book(data, alex.id(), sam.id(), tom);
        SessionTimes.soon(jdbc, first);
        SystemActor.call(links::sendDue);
        assertThat(requestMeasures(alex.id(), first)).isEqualTo("CSI4,PARTNER_SAFETY");
        assertThat(requestMeasures(sam.id(), first)).isEqualTo("CSI4,PARTNER_SAFETY");
        SystemActor.call(links::sendDue);
        assertThat(jdbc.queryForObject("select count(*) from measure_request where intake_id = ?", Integer.class,
                alex.id())).as("a second run adds nothing").isEqualTo(1);
        String email = jdbc.queryForObject("select body_text from outbox_message where kind = 'MEASURE_LINK' "
                + "and recipient = ? order by id desc limit 1", String.class, email(alex.id()));
        assertThat(email).contains("/measures/").doesNotContain("PHQ", "GAD", "CSI", "mood", "anxiety", "partner");

        // Alex answers from the status page's link; the link then stops working
        var invitations = clientStatus.measureInvitations(alex.receipt().statusToken());
        assertThat(invitations).singleElement().satisfies(i -> assertThat(i.questionCount()).isEqualTo(5));
        String alexLink = clientStatus.measureLink(alex.receipt().statusToken(),
                MeasureRequestId.of(invitations.getFirst().requestId()))
                .orElseThrow();
        assertThat(clientStatus.measureLink(sam.receipt().statusToken(),
                MeasureRequestId.of(invitations.getFirst().requestId())))
                .as("a partner cannot open the other's questions").isEmpty();
        String alexToken = alexLink.substring("measures/".length());
        assertThat(forms.open(alexToken).orElseThrow().state()).isEqualTo(MeasureForm.State.OPEN);
        assertThat(forms.submit(alexToken, Map.of("csi4.1", List.of("3")))).isInstanceOf(MeasureSubmission.Invalid.class);
        assertThat(forms.submit(alexToken, csi("no"))).isEqualTo(new MeasureSubmission.Saved(false, false));
        assertThat(forms.submit(alexToken, csi("no"))).isInstanceOf(MeasureSubmission.Gone.class);
        assertThat(forms.open(alexToken).orElseThrow().state()).isEqualTo(MeasureForm.State.ANSWERED);

        // Sam says they are afraid of their partner: crisis lines, an urgent alert, top of the queue, no booking
        String samLink = clientStatus.measureLink(sam.receipt().statusToken(),
                MeasureRequestId.of(clientStatus.measureInvitations(sam.receipt().statusToken()).getFirst()
                        .requestId())).orElseThrow();
        assertThat(forms.submit(samLink.substring("measures/".length()), csi("yes")))
                .isEqualTo(new MeasureSubmission.Saved(true, true));
        assertThat(queueRank(sam.id())).isZero();
        // whoever must act is emailed once that a case needs them: a link, and nothing about who or why
        long alertId = jdbc.queryForObject("select id from measure_alert where intake_id = ?", Long.class, sam.id());
        List<String> told = jdbc.queryForList("select lower(recipient) from outbox_message where kind = "
                + "'CASE_ATTENTION' and idempotency_key like ? order by 1", String.class,
                "attention/measure-alert-" + alertId + "/%");
        List<String> expected = jdbc.queryForList("""
                select lower(s.email) from review_case rc join staff_account s on s.id = rc.assigned_therapist_id
                 where rc.intake_id = ? and s.active order by 1""", String.class, sam.id());
        if (expected.isEmpty()) {
            expected = jdbc.queryForList("select lower(email) from staff_account where role in ('ADMIN', "
                    + "'CLINICAL_LEAD') and active order by 1", String.class);
        }
        assertThat(told).isNotEmpty().isEqualTo(expected);
        String attention = jdbc.queryForObject("select subject || ' ' || body_text from outbox_message where kind = "
                + "'CASE_ATTENTION' and idempotency_key like ? limit 1", String.class,
                "attention/measure-alert-" + alertId + "/%");
        assertThat(attention).contains("A case needs your attention", "/staff")
                .doesNotContain(word, "Sam", "Alex", "afraid", "partner", "PHQ", "CSI", "risk");
        var refusal = data.as("amira", () -> access.bookingGate(List.of(
                access.require(alex.id(), CaseOperation.BOOK_SESSION),
                access.require(sam.id(), CaseOperation.BOOK_SESSION)), true));
        assertThat(refusal).hasValueSatisfying(r -> assertThat(r.message()).contains("repeat measure")
                .contains(sam.reference()));
        var alerts = data.as("amira", () -> outcomes.caseMeasures(CaseReference.of(sam.reference()))).orElseThrow()
                .alerts();
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.rules()).singleElement().asString()
                .contains("partner"));
        data.as("amira", () -> outcomes.acknowledgeAlert(IntakeId.of(sam.id()), "Called Sam; safety plan agreed."));
        assertThat(queueRank(sam.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select note from measure_alert where intake_id = ?", String.class, sam.id()))
                .as("the note is encrypted at rest").startsWith("enc:");

        // the session happens and starts the course; before the next one Alex gets the whole set and is much better
        SessionTimes.happened(jdbc, first);
        data.as("tom", () -> changes.recordOutcome(AppointmentId.of(first), AppointmentState.ATTENDED));
        assertThat(jdbc.queryForObject("select count(*) from outcome_episode where intake_id in (?, ?) "
                + "and ended_at is null", Integer.class, alex.id(), sam.id())).isEqualTo(2);
        long second = book(data, alex.id(), sam.id(), tom);
        SessionTimes.soon(jdbc, second);
        SystemActor.call(links::sendDue);
        assertThat(requestMeasures(alex.id(), second)).isEqualTo("PHQ9,GAD7,CSI4,FEELINGS,PARTNER_SAFETY");
        String next = clientStatus.measureLink(alex.receipt().statusToken(),
                MeasureRequestId.of(clientStatus.measureInvitations(alex.receipt().statusToken()).getFirst()
                        .requestId())).orElseThrow();
        Map<String, List<String>> better = new HashMap<>(csi("no"));
        for (int i = 1; i <= 9; i++) {
            better.put("phq9." + i, List.of(i <= 4 ? "1" : "0"));
        }
        for (int i = 1; i <= 7; i++) {
            better.put("gad7." + i, List.of(i <= 3 ? "1" : "0"));
        }
        for (String id : List.of("numb", "cant_cry", "guilt", "chest_pressure", "stuck")) {
            better.put("numbness." + id, List.of("1"));
        }
        assertThat(forms.submit(next.substring("measures/".length()), better))
                .isEqualTo(new MeasureSubmission.Saved(false, false));

        // the therapist sees each partner's line and Alex's reliable recovery; Alex sees their own progress only
        var measures = data.as("amira", () -> outcomes.caseMeasures(CaseReference.of(alex.reference()))).orElseThrow();
        assertThat(measures.clients()).extracting(CaseMeasures.ClientLine::reference)
                .containsExactly(alex.reference(), sam.reference());
        assertThat(measures.clients().getFirst().points()).hasSize(3);
        assertThat(measures.clients().getFirst().outcome().reliableRecovery()).isTrue();
        assertThat(clientStatus.progress(alex.receipt().statusToken())).anySatisfy(line -> assertThat(line)
                .startsWith("Low mood: 16 at the start, 4 now"));
        data.as("amira", () -> outcomes.changePlan(IntakeId.of(alex.id()), Measure.COUPLES, false));
        assertThat(clientStatus.progress(alex.receipt().statusToken())).as("switched off by the therapist").isEmpty();

        // the course ends: a finished treatment, counted in this month's summary row for the case's therapist
        SessionTimes.happened(jdbc, second);
        data.as("tom", () -> changes.recordOutcome(AppointmentId.of(second), AppointmentState.ATTENDED));
        LocalDate month = LocalDate.now(Application.PRACTICE_ZONE).withDayOfMonth(1);
        long amira = data.idOf("amira");
        int[] before = summary(month, amira);
        data.as("amira", () -> care.endTherapy(IntakeId.of(alex.id()), TherapyOutcome.COMPLETED, true, false));
        int[] after = summary(month, amira);
        assertThat(after[0] - before[0]).as("finished").isEqualTo(2);
        assertThat(after[1] - before[1]).as("paired").isEqualTo(1);
        assertThat(after[2] - before[2]).as("reliable recovery").isEqualTo(1);
    }

    private Map<String, List<String>> csi(String fear) {
        return Map.of("csi4.1", List.of("3"), "csi4.2", List.of("3"), "csi4.3", List.of("3"), "csi4.4", List.of("3"),
                "safety.partner_fear", List.of(fear));
    }

    private List<String> scores(long intakeId) {
        return jdbc.query("select source, phq9, gad7 from measure_response where intake_id = ? order by id",
                (rs, n) -> rs.getString(1) + " " + rs.getInt(2) + "/" + rs.getInt(3), intakeId);
    }

    private String requestMeasures(long intakeId, long appointmentId) {
        return jdbc.queryForObject("select measures from measure_request where intake_id = ? and appointment_id = ?",
                String.class, intakeId, appointmentId);
    }

    private String email(long intakeId) {
        return jdbc.queryForObject("select email from intake where id = ?", String.class, intakeId);
    }

    private int queueRank(long intakeId) {
        return jdbc.queryForObject("select queue_rank from intake where id = ?", Integer.class, intakeId);
    }

    private int[] summary(LocalDate month, long therapist) {
        return jdbc.query("""
                select coalesce(sum(finished), 0), coalesce(sum(paired), 0), coalesce(sum(reliable_recovery), 0)
                  from outcome_summary where month = ? and therapist_id = ? and service_type = 'COUPLES'""",
                (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}, month, therapist).getFirst();
    }

    private long book(ReviewTestData data, long client, long partner, long therapist) {
        long couples = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'", Long.class);
        BookingResult result = null;
        for (int attempt = 0; attempt < 5 && !(result instanceof BookingResult.Booked); attempt++) {
            ZonedDateTime start = farFuture();
            result = data.as("admin", () -> scheduling.book(new BookingRequest(client, partner, therapist, couples,
                    SessionFormat.ONLINE, null, start, null)));
        }
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked) result).session().id();
    }

    private static ZonedDateTime farFuture() {
        return app.thaw.FreeTimes.next();
    }
}
