package app.thaw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A feature's SQL names its own tables only: another feature's data is reached through that feature's API. The
 * owner of every table the migrations create is listed here; the few read models that join across features by
 * design are listed with their reason, and the test fails on a new crossing as on a listed one that has gone.
 */
class FeatureTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/app/thaw");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Which feature owns each table (the one whose domain writes it). */
    static final Map<String, String> OWNER = owners(Map.ofEntries(
            Map.entry("audit", "audit_entry audit_entry_default"),
            Map.entry("base", "encryption_pass practice_details event_publication"),
            Map.entry("care", "care_event session_note session_note_addendum session_note_kept_text"),
            Map.entry("fhir", "fhir_api_client"),
            Map.entry("intake", "client_status_link couple_case intake intake_amendment intake_draft intake_rate_limit"),
            Map.entry("notification", "booking_confirmation calendar_feed outbox_message"),
            Map.entry("outcomes", "measure_alert measure_link measure_plan measure_request measure_response "
                    + "measure_response_default "
                    + "outcome_episode outcome_summary outcome_wait"),
            Map.entry("privacy", "subject_access_request subject_access_withheld"),
            Map.entry("retention", "client_erasure legal_hold retention_run practice_settings"),
            Map.entry("review", "case_note factor_decision factor_suggestion intake_search referral review_case"),
            Map.entry("scheduling", "appointment appointment_request appointment_type closed_day diary_claim "
                    + "meeting_link room time_away working_exception working_hours"),
            Map.entry("security", "sign_in_device sign_in_throttle staff_account staff_password_link "
                    + "staff_recovery_code staff_second_factor"),
            Map.entry("waitlist", "held_slot offer_link slot_offer slot_offer_time waitlist_entry waitlist_settings")));

    /** Crossings by design, "feature → table": each a read model or a job whose reason is recorded. */
    static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("audit → intake", "a case's audit lines are read from its intake's submission on, so only "
                    + "those months' partitions are opened (ADR 20)"),
            Map.entry("outcomes → intake", "a case's answered measures are read from its intake's submission on, "
                    + "so only those months' partitions are opened (ADR 20)"),
            Map.entry("review → intake", "the queue read model lives on intake's row (queue_assignee_id; ADR 3)"),
            Map.entry("review → staff_account", "the queue's keyset page names the assignee in the same query (ADR 3)"),
            Map.entry("practice → appointment", "operational reports are read models over the diary (ADR 10)"),
            Map.entry("practice → closed_day", "operational reports (ADR 10)"),
            Map.entry("practice → intake", "operational reports: new referrals and days to a first session (ADR 10)"),
            Map.entry("practice → room", "operational reports: room utilisation (ADR 10)"),
            Map.entry("practice → staff_account", "operational reports per therapist (ADR 10)"),
            Map.entry("practice → time_away", "operational reports: therapists' available hours (ADR 10)"),
            Map.entry("practice → working_exception", "operational reports: available hours (ADR 10)"),
            Map.entry("practice → working_hours", "operational reports: available hours (ADR 10)"),
            Map.entry("retention → appointment", "retention finds records past their period in one query over "
                    + "the last contact; erasure itself goes through each feature's CaseErasure"),
            Map.entry("retention → intake", "retention candidates, as above"),
            Map.entry("waitlist → appointment", "held times and booked sessions share the diary's claims (ADR 11); "
                    + "a therapist's waiting list keeps the clients she sees (the policy's booked relation)"),
            Map.entry("waitlist → intake", "a therapist's waiting list is narrowed to the cases she could be allowed "
                    + "by the queue's copy of the assignee (queue_assignee_id, ADR 3); the policy decides each row"),
            Map.entry("waitlist → appointment_type", "the slot finder reads session lengths with the offers (ADR 11)"),
            Map.entry("waitlist → diary_claim", "held times take part in the no-overlap constraint (ADR 11)"),
            Map.entry("waitlist → room", "offered times name their room in the same read (ADR 11)"));

    private static final Pattern CREATE_TABLE =
            Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING_LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("\\b(?:from|join|into|update|table)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableTheMigrationsCreateHasAnOwner() {
        Set<String> created = new TreeSet<>();
        for (Path migration : files(MIGRATIONS, ".sql")) {
            Matcher matcher = CREATE_TABLE.matcher(read(migration));
            while (matcher.find()) {
                created.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(OWNER.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aFeaturesSqlNamesOnlyItsOwnTables() {
        Map<String, Set<String>> crossings = new TreeMap<>();
        for (Path source : files(SOURCES, ".java")) {
            Path relative = SOURCES.relativize(source);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String feature = relative.getName(0).toString();
            Matcher literal = STRING_LITERAL.matcher(read(source));
            while (literal.find()) {
                String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                Matcher reference = TABLE_REFERENCE.matcher(text);
                while (reference.find()) {
                    String table = reference.group(1).toLowerCase(Locale.ROOT);
                    String owner = OWNER.get(table);
                    if (owner != null && !owner.equals(feature)) {
                        crossings.computeIfAbsent(feature + " → " + table, key -> new TreeSet<>())
                                .add(source.getFileName().toString());
                    }
                }
            }
        }
        assertThat(crossings.keySet()).as("SQL naming another feature's tables (go through its API, or record the "
                + "reason in FeatureTablesTest.EXCEPTIONS): %s", crossings)
                .isSubsetOf(EXCEPTIONS.keySet());
        assertThat(EXCEPTIONS.keySet()).as("exceptions no longer needed").isSubsetOf(crossings.keySet());
    }

    private static Map<String, String> owners(Map<String, String> tablesByFeature) {
        return tablesByFeature.entrySet().stream()
                .flatMap(entry -> Stream.of(entry.getValue().split(" ")).map(table -> Map.entry(table, entry.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Set<Path> files(Path root, String suffix) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(suffix)).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
