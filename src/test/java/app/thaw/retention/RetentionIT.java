package app.thaw.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.domain.Erased;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.intake.IntakeStatus;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;
import app.thaw.security.SystemActor;

@IntegrationTest
class RetentionIT {

    @Autowired
    app.thaw.base.crypto.FieldCipher cipher;

    @Autowired
    RetentionService retention;

    @Autowired
    LegalHoldService holds;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseWorkService caseWork;

    @Autowired
    app.thaw.review.ReferralService referrals;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    RetentionTestData data;

    @BeforeEach
    void setUp() {
        data = new RetentionTestData(intake, caseWork, referrals, staff, jdbc, tx, cipher);
    }

    @Test
    void theRunAnonymisesExactlyTheClientsDueAtTheBoundaryAndSkipsHeldOnes() {
        String word = ReviewTestData.uniqueWord();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var policy = data.review.as("admin", () -> retention.settings().policy());
        Instant clinicalCutoff = policy.clinicalCutoff(now);
        Instant nonClientCutoff = policy.nonClientCutoff(now);

        long closedOnTheDay = client(word, "ClosedDue", true);
        data.closeAt(closedOnTheDay, clinicalCutoff);
        long closedASecondLater = client(word, "ClosedKept", true);
        data.closeAt(closedASecondLater, clinicalCutoff.plusSeconds(1));
        long stillOpenClient = client(word, "OpenClient", true);
        data.submittedAt(stillOpenClient, clinicalCutoff.minus(3650, ChronoUnit.DAYS));
        long heldClosed = client(word, "HeldClosed", true);
        data.closeAt(heldClosed, clinicalCutoff.minus(400, ChronoUnit.DAYS));
        long neverClientDue = client(word, "NeverDue", false);
        data.submittedAt(neverClientDue, nonClientCutoff);
        long neverClientKept = client(word, "NeverKept", false);
        data.submittedAt(neverClientKept, nonClientCutoff.plusSeconds(1));
        long neverClientClosedRecently = client(word, "NeverClosedRecently", false);
        data.submittedAt(neverClientClosedRecently, nonClientCutoff.minus(30, ChronoUnit.DAYS));
        data.closeAt(neverClientClosedRecently, nonClientCutoff.plusSeconds(60));
        long heldNeverClient = client(word, "HeldNever", false);
        data.submittedAt(heldNeverClient, nonClientCutoff.minus(30, ChronoUnit.DAYS));
        data.review.as("admin", () -> {
            holds.set(CaseReference.of(reference(heldClosed)), "Claim");
            holds.set(CaseReference.of(reference(heldNeverClient)), "Claim");
        });

        RetentionRun run = SystemActor.call(() -> retention.runRetention(now));

        assertThat(erased(List.of(closedOnTheDay, neverClientDue))).containsExactly(true, true);
        assertThat(erased(List.of(closedASecondLater, stillOpenClient, heldClosed, neverClientKept,
                neverClientClosedRecently, heldNeverClient))).containsOnly(false);
        assertThat(run.ran()).isTrue();
        assertThat(run.anonymised()).isGreaterThanOrEqualTo(2);
        assertThat(run.skippedForHold()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select full_name from intake where id = ?", String.class, closedOnTheDay))
                .isEqualTo(Erased.MARKER);
        assertThat(jdbc.queryForList("select source, erased_by from client_erasure where intake_id = ?",
                closedOnTheDay)).singleElement().satisfies(row -> {
                    assertThat(row.get("source")).isEqualTo("RETENTION");
                    assertThat(row.get("erased_by")).isNull();
                });
        assertThat(data.review.audit(closedOnTheDay)).filteredOn(r -> "CLIENT_ERASED".equals(r.get("action")))
                .singleElement().satisfies(r -> assertThat(r.get("actor_name")).isEqualTo("system"));
        assertThat(jdbc.queryForMap("select * from retention_run where ran_at = ? order by id desc limit 1",
                java.sql.Timestamp.from(now))).containsEntry("anonymised", run.anonymised())
                .containsEntry("skipped_for_hold", run.skippedForHold());
        assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'RETENTION_RUN' "
                + "order by id desc limit 1", String.class)).startsWith("Anonymised " + run.anonymised());
        // other tests record runs at other instants, so find this one by its time rather than its place in the list
        assertThat(data.review.as("admin", () -> retention.recentRuns(50)))
                .filteredOn(listed -> listed.ranAt().equals(now))
                .anySatisfy(listed -> assertThat(listed.anonymised()).isEqualTo(run.anonymised()));
    }

    @Test
    void twoRunsAtOnceNeverProcessAClientTwice() throws Exception {
        String word = ReviewTestData.uniqueWord();
        Instant now = Instant.now();
        var policy = data.review.as("admin", () -> retention.settings().policy());
        List<Long> due = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = client(word, "Race" + (char) ('a' + i), false);
            data.submittedAt(id, policy.nonClientCutoff(now).minus(1, ChronoUnit.DAYS));
            due.add(id);
        }
        var start = new CountDownLatch(1);
        List<CompletableFuture<RetentionRun>> runs = List.of(0, 1).stream().map(i -> CompletableFuture.supplyAsync(
                () -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return SystemActor.call(() -> retention.runRetention(now));
                })).toList();
        start.countDown();
        List<RetentionRun> done = List.of(runs.get(0).get(60, TimeUnit.SECONDS), runs.get(1).get(60, TimeUnit.SECONDS));

        assertThat(erased(due)).containsOnly(true);
        for (long id : due) {
            assertThat(jdbc.queryForObject("select count(*) from client_erasure where intake_id = ?", Integer.class,
                    id)).isEqualTo(1);
            assertThat(data.review.auditActions(id)).containsOnlyOnce("CLIENT_ERASED");
        }
        // either the second found the lock taken and did nothing, or it came after and found nothing left
        assertThat(done).anySatisfy(run -> assertThat(run.anonymised()).isGreaterThanOrEqualTo(due.size()));
        assertThat(done).anySatisfy(run -> assertThat(!run.ran() || run.anonymised() == 0).isTrue());
    }

    @Test
    void aRunGoesInShortBatchesThatEachCommitAndStepsOverAClientSomeoneElseHasLocked() throws Exception {
        String word = ReviewTestData.uniqueWord();
        Instant now = Instant.now();
        var policy = data.review.as("admin", () -> retention.settings().policy());
        List<Long> due = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = client(word, "Batch" + (char) ('a' + i), false);
            data.submittedAt(id, policy.nonClientCutoff(now).minus(1, ChronoUnit.DAYS));
            due.add(id);
        }
        long locked = due.get(2);
        var lockTaken = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // threads of its own: on two cores the common pool has one, which the lock holder would take
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        // an erasure request (or a therapist's edit) holding the third client's row while the run passes by
        var holder = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            jdbc.queryForObject("select id from intake where id = ? for update", Long.class, locked);
            lockTaken.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        try {
            assertThat(lockTaken.await(30, TimeUnit.SECONDS)).isTrue();
            List<RetentionBatches.Batch> seen = new java.util.ArrayList<>();
            long after = due.getFirst() - 1;
            RetentionBatches.Batch batch;
            do {
                long from = after;
                batch = CompletableFuture.supplyAsync(() -> SystemActor.call(() -> batches.next(now, policy, from, 2)),
                        threads).get(30, TimeUnit.SECONDS);
                seen.add(batch);
                // each batch is committed on its own: what it erased is visible at once to everyone else
                assertThat(erased(due.subList(0, seen.size() == 1 ? 2 : 5).stream().filter(id -> id != locked)
                        .toList())).containsOnly(true);
                after = batch.lastId();
            } while (!batch.last());

            assertThat(seen).extracting(RetentionBatches.Batch::anonymised).containsExactly(2, 2, 0);
            assertThat(erased(List.of(locked))).containsExactly(false);
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            threads.shutdown();
        }
        // the next run finds the client it stepped over
        SystemActor.call(() -> retention.runRetention(now));
        assertThat(erased(due)).containsOnly(true);
    }

    @Autowired
    RetentionBatches batches;

    @Test
    void settingsAreCheckedSavedAndAudited() {
        var before = data.review.as("admin", () -> retention.settings().policy());

        var refused = data.review.as("admin", () -> retention.updatePolicy(31, 0, retention.settings().version()));
        var nulls = data.review.as("admin", () -> retention.updatePolicy(null, null, retention.settings().version()));
        assertThat(refused.saved()).isFalse();
        assertThat(refused.yearsProblem()).isEqualTo("Keep clinical records for between 1 and 30 years after a case is closed.");
        assertThat(refused.monthsProblem()).isEqualTo("Keep intakes that never became clients for between 1 and 120 months.");
        assertThat(nulls.saved()).isFalse();
        assertThat(data.review.as("admin", () -> retention.settings().policy())).isEqualTo(before);

        try {
            var saved = data.review.as("admin", () -> retention.updatePolicy(8, 9, retention.settings().version()));
            assertThat(saved.saved()).isTrue();
            var settings = data.review.as("admin", () -> retention.settings());
            assertThat(settings.policy()).isEqualTo(new RetentionPolicy(8, 9));
            assertThat(settings.updatedBy()).isEqualTo("Priya Shah");
            assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'SETTINGS_CHANGED' "
                    + "order by id desc limit 1", String.class)).contains("→ 8 years", "→ 9 months");
        } finally {
            data.review.as("admin", () -> retention.updatePolicy(before.clinicalYears(), before.nonClientMonths(),
                    retention.settings().version()));
        }
        // the database holds the same limits
        assertThatThrownBy(() -> jdbc.update("update practice_settings set clinical_retention_years = 31"))
                .hasStackTraceContaining("practice_settings_years_ck");
    }

    @Test
    void onlyThePracticeManagerChangesSettingsOrRunsRetentionByHand() {
        data.review.as("amira", () -> {
            assertThatThrownBy(() -> retention.updatePolicy(7, 6, 0)).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> retention.settings()).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> retention.runRetention(Instant.now()))
                    .isInstanceOf(AuthorizationDeniedException.class);
        });
    }

    @Autowired
    app.thaw.review.CareActions care;

    @Test
    void closingACaseStampsWhenAndReopeningClearsIt() {
        var client = data.review.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Closing"));

        data.review.as("amira", () -> care.closeCase(IntakeId.of(client.id()),
                app.thaw.review.ClosureReason.NO_RESPONSE, false));
        assertThat(jdbc.queryForObject("select closed_at from intake where id = ?", java.sql.Timestamp.class,
                client.id())).isNotNull();
        data.review.as("amira", () -> care.reopenCase(IntakeId.of(client.id())));
        assertThat(jdbc.queryForObject("select closed_at from intake where id = ?", java.sql.Timestamp.class,
                client.id())).isNull();
    }

    /** A client (with a booked session) or someone who never became one, with a unique name. */
    private long client(String word, String name, boolean hadSession) {
        var submitted = data.review.submit(IntakeFixtures.completeAnswers(word + " " + name));
        if (hadSession) {
            data.insertSession(submitted.id(), null, "ATTENDED", null);
        }
        return submitted.id();
    }

    private String reference(long intakeId) {
        return jdbc.queryForObject("select reference from intake where id = ?", String.class, intakeId);
    }

    private List<Boolean> erased(List<Long> ids) {
        return ids.stream().map(id -> jdbc.queryForObject(
                "select exists (select 1 from client_erasure where intake_id = ?)", Boolean.class, id)).toList();
    }
}
