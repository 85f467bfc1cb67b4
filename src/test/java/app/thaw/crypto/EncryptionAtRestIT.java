package app.thaw.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.TestDatabase;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReferralKind;
import app.thaw.review.CaseWorkService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.ClientRequestService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionFormat;

/**
 * Free text typed through the real services never reaches the database, a dump of it or the log in
 * readable form, while the app still shows it as typed (issue 6, encryption at rest).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EncryptionAtRestIT {

    private static final Logger log = LoggerFactory.getLogger(EncryptionAtRestIT.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;
    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    app.thaw.review.CaseAssignments assignments;

    @Autowired
    app.thaw.review.ReferralService referrals;
    @Autowired
    SchedulingService scheduling;

    @Autowired
    app.thaw.scheduling.SessionChanges changes;
    @Autowired
    ClientRequestService requests;
    @Autowired
    UserDetailsService staff;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void canaryTextIsUnreadableInTheDatabaseItsDumpAndTheLogYetShownAsTyped(CapturedOutput output) throws Exception {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        Map<String, String> canary = new LinkedHashMap<>();
        for (String what : List.of("answer", "draft", "note", "referral", "fear", "risk", "amendanswer",
                "amendreason", "message", "cancel")) {
            canary.put(what, "Canary" + what + run + " zoë 😶 numb");
        }
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.couplesAnswers("Canary " + run)
                .with("presenting.what_brings_you", canary.get("answer")).with("phq9.9", "2"));
        String draftToken = intake.startDraft(null, "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255))
                .orElseThrow().token();
        assertThat(intake.saveAnswers(draftToken, Map.of("presenting.what_helped", List.of(canary.get("draft"))),
                "presenting")).isTrue();
        long grace = data.idOf("grace");
        ZonedDateTime monday = ZonedDateTime.of(LocalDate.of(2031, 1, 1).plusWeeks(ThreadLocalRandom.current()
                .nextInt(0, 200)).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)), LocalTime.of(15, 0), LONDON);
        data.as("grace", () -> {
            caseWork.acknowledgeRisk(IntakeId.of(submitted.id()), canary.get("risk"));
            caseWork.addNote(IntakeId.of(submitted.id()), canary.get("note"));
            referrals.decideReferral(IntakeId.of(submitted.id()), ReferralKind.COUPLES, canary.get("referral"),
                    canary.get("fear"));
            assertThat(caseWork.amendAnswer(IntakeId.of(submitted.id()), "presenting.what_helped",
                    List.of(canary.get("amendanswer")),
                    canary.get("amendreason"))).isEmpty();
            long type = jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
            var kept = (BookingResult.Booked) scheduling.book(new BookingRequest(submitted.id(), null, grace, type,
                    SessionFormat.ONLINE, null, monday, null));
            var cancelled = (BookingResult.Booked) scheduling.book(new BookingRequest(submitted.id(), null, grace,
                    type, SessionFormat.ONLINE, null, monday.plusWeeks(1), null));
            changes.cancel(AppointmentId.of(cancelled.session().id()), false, canary.get("cancel"));
            return kept;
        });
        long keptId = jdbc.queryForObject("select id from appointment where intake_id = ? and state = 'BOOKED'",
                Long.class, submitted.id());
        clientStatus.requestAppointmentChange(submitted.receipt().statusToken(), AppointmentId.of(keptId), false,
                canary.get("message"));

        // (1) the columns themselves hold only ciphertext
        List<String> stored = new ArrayList<>();
        stored.add(jdbc.queryForObject("select answers::text from intake where id = ?", String.class, submitted.id()));
        stored.add(jdbc.queryForObject("select answers::text from intake_draft where token_hash = ?", String.class,
                app.thaw.base.domain.SecretToken.hash(draftToken)));
        stored.addAll(jdbc.queryForList("select body from case_note where intake_id = ?", String.class, submitted.id()));
        jdbc.queryForList("select reason, partner_fear_decision from referral where intake_id = ?", submitted.id())
                .forEach(row -> row.values().forEach(v -> stored.add((String) v)));
        stored.add(jdbc.queryForObject("select risk_acknowledgement_note from review_case where intake_id = ?",
                String.class, submitted.id()));
        jdbc.queryForList("select answer::text, reason from intake_amendment where intake_id = ?", submitted.id())
                .forEach(row -> row.values().forEach(v -> stored.add(String.valueOf(v))));
        stored.addAll(jdbc.queryForList("select cancel_reason from appointment where intake_id = ? and cancel_reason"
                + " is not null", String.class, submitted.id()));
        stored.add(jdbc.queryForObject("select message from appointment_request where appointment_id = ?",
                String.class, keptId));
        assertThat(stored).hasSize(10).allSatisfy(value -> {
            assertThat(value).contains("enc:v1:");
            assertNoCanary(value, canary);
        });
        assertThat(jdbc.queryForObject("select answers->'presenting.duration'->>0 from intake where id = ?",
                String.class, submitted.id())).as("choice answers stay readable for statistics").isEqualTo("6_12m");

        // (2) every row of every table, as a dump would carry it
        assertNoCanary(copyOfEveryTable(), canary);
        String dump = pgDump();
        if (dump != null) {
            assertThat(dump).contains("enc:v1:");
            assertNoCanary(dump, canary);
        }

        // the app still shows every text as it was typed
        var detail = data.as("grace", () -> caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow());
        assertThat(detail.intake().answers().single("presenting.what_brings_you")).contains(canary.get("answer"));
        assertThat(detail.notes()).extracting(n -> n.body()).contains(canary.get("note"));
        assertThat(detail.currentReferral().reason()).isEqualTo(canary.get("referral"));
        assertThat(detail.currentReferral().partnerFearDecision()).isEqualTo(canary.get("fear"));
        assertThat(detail.state().riskAcknowledgementNote()).isEqualTo(canary.get("risk"));
        assertThat(detail.intake().latestAmendment("presenting.what_helped")).get().satisfies(amendment -> {
            assertThat(amendment.values()).containsExactly(canary.get("amendanswer"));
            assertThat(amendment.reason()).isEqualTo(canary.get("amendreason"));
        });
        assertThat(intake.resumeDraft(draftToken).orElseThrow().answers().single("presenting.what_helped"))
                .contains(canary.get("draft"));
        // the client's words are for their therapist, never the practice manager
        assertThat(data.as("grace", () -> requests.open())).anySatisfy(request ->
                assertThat(request.message()).isEqualTo(canary.get("message")));

        // (3) and the log of all this holds none of it
        assertNoCanary(output.getAll(), canary);
    }

    private static void assertNoCanary(String text, Map<String, String> canary) {
        canary.values().forEach(c -> assertThat(text).doesNotContain(c.substring(0, c.indexOf(' '))));
    }

    /** COPY … TO STDOUT of every table holding rows (each month of a partitioned one): the data part of a pg_dump. */
    private String copyOfEveryTable() throws Exception {
        var all = new StringWriter();
        List<String> tables = jdbc.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind = 'r'""", String.class);
        try (var connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                copy.copyOut("copy \"" + table + "\" to stdout", all);
            }
        }
        assertThat(tables).contains("intake", "case_note", "referral", "intake_amendment", "appointment_request");
        return all.toString();
    }

    /** pg_dump of the test database when one of a new enough version is installed; otherwise null (logged). */
    private String pgDump() throws Exception {
        int serverMajor = jdbc.queryForObject("show server_version_num", Integer.class) / 10000;
        Path pgDump = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pg_dump");
            if (Files.isExecutable(candidate)) {
                pgDump = candidate;
                break;
            }
        }
        if (pgDump == null || dumpVersion(pgDump) < serverMajor) {
            log.warn("No pg_dump {} or newer on PATH (the embedded PostgreSQL ships none): the COPY of every table "
                    + "stands in for it", serverMajor);
            return null;
        }
        var db = TestDatabase.get();
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        var process = new ProcessBuilder(pgDump.toString(), "--host=" + uri.getHost(), "--port=" + uri.getPort(),
                "--username=" + db.username(), "--no-password", uri.getPath().substring(1));
        process.environment().put("PGPASSWORD", db.password());
        process.redirectErrorStream(true);
        Process running = process.start();
        String dump = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(running.exitValue()).as(dump.lines().limit(5).toList().toString()).isZero();
        return dump;
    }

    private static int dumpVersion(Path pgDump) throws Exception {
        Process version = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor();
        var matcher = java.util.regex.Pattern.compile("\\) (\\d+)").matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
