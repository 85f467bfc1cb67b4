package app.thaw.bench.data;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireLoader;
import app.thaw.intake.questionnaire.Scorer;
import app.thaw.review.factors.FactorRuleLoader;
import app.thaw.review.factors.FactorSuggester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's promises at tiny scale: no double booking, hours kept, ~2% risk by the real scorer, and the fast
 * path's pooled answers scoring exactly as their own stored document would.
 */
class BenchDataInvariantsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void diaryNeverDoubleBooksATherapistOrARoom() {
        Instant now = Instant.parse("2026-03-20T12:00:00Z");
        LocalDate first = LocalDate.of(2026, 1, 1);
        List<DiaryPlanner.Therapist> therapists = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            therapists.add(new DiaryPlanner.Therapist(id, EnumSet.complementOf(EnumSet.of(DayOfWeek.SUNDAY)), 8, 20,
                    Set.of(first.plusDays(id))));
        }
        var settings = new DiaryPlanner.Settings(LONDON, first, first.plusDays(150), now, 3000, List.of(101L, 102L), 0, 14, 1);
        List<DiaryPlanner.Session> sessions = new ArrayList<>();
        long planned = new DiaryPlanner(settings, therapists, (t, at, random) -> new DiaryPlanner.Client(1000 + t,
                2000L + t, Instant.EPOCH)).plan(sessions::add);

        assertThat(planned).isEqualTo(sessions.size()).isBetween(2700L, 3300L);
        Map<Long, List<DiaryPlanner.Session>> byTherapist = new HashMap<>();
        Map<Long, List<DiaryPlanner.Session>> byRoom = new HashMap<>();
        for (var s : sessions) {
            var local = s.starts().atZone(LONDON);
            assertThat(local.getHour()).isBetween(8, 19);
            assertThat(local.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
            assertThat(s.ends().atZone(LONDON).toLocalTime()).isBeforeOrEqualTo(java.time.LocalTime.of(20, 0));
            if (s.state() == DiaryPlanner.State.CANCELLED) {
                assertThat(s.cancelledAt()).isNotNull().isBefore(s.starts());
                continue;
            }
            assertThat(s.state() == DiaryPlanner.State.BOOKED).isEqualTo(s.ends().isAfter(now));
            byTherapist.computeIfAbsent(s.therapistId(), k -> new ArrayList<>()).add(s);
            if (s.roomId() != null) {
                byRoom.computeIfAbsent(s.roomId(), k -> new ArrayList<>()).add(s);
            }
        }
        byTherapist.values().forEach(BenchDataInvariantsTest::assertNoOverlap);
        byRoom.values().forEach(BenchDataInvariantsTest::assertNoOverlap);
        assertThat(byRoom).isNotEmpty();
        // therapist 0's next 14 days are booked solid: every working hour from tomorrow is taken
        LocalDate tomorrow = LocalDate.ofInstant(now, LONDON).plusDays(1);
        long solid = byTherapist.get(1L).stream().filter(s -> s.starts().atZone(LONDON).toLocalDate().equals(tomorrow))
                .mapToLong(s -> s.kind() == DiaryPlanner.Kind.COUPLES ? 2 : 1).sum();
        assertThat(solid).isEqualTo(12);
    }

    @Test
    void aNationalPracticesManyRoomsAreNeverDoubleBookedEither() {
        // more rooms than one 64-bit word of the planner's room map holds, and more in-person sessions than they hold
        Instant now = Instant.parse("2026-03-20T12:00:00Z");
        LocalDate first = LocalDate.of(2026, 3, 1);
        var therapists = week(400, first);
        List<Long> rooms = java.util.stream.LongStream.rangeClosed(1, 70).boxed().toList();
        var settings = new DiaryPlanner.Settings(LONDON, first, first.plusDays(14), now, 40_000, rooms, 0, 7, 3);
        List<DiaryPlanner.Session> sessions = new ArrayList<>();
        new DiaryPlanner(settings, therapists, (t, at, random) -> new DiaryPlanner.Client(1000 + t, null, Instant.EPOCH))
                .plan(sessions::add);

        Map<Long, List<DiaryPlanner.Session>> byRoom = new HashMap<>();
        sessions.stream().filter(s -> s.roomId() != null && s.state() != DiaryPlanner.State.CANCELLED)
                .forEach(s -> byRoom.computeIfAbsent(s.roomId(), k -> new ArrayList<>()).add(s));
        assertThat(byRoom.keySet()).contains(1L, 64L, 65L, 70L);
        byRoom.values().forEach(BenchDataInvariantsTest::assertNoOverlap);
    }

    @Test
    void aDiaryTooSmallIsRefusedBeforeLoadingWithTheTherapistsItNeeds() {
        Instant now = Instant.parse("2026-03-20T12:00:00Z");
        LocalDate first = LocalDate.of(2026, 3, 1);
        var small = new DiaryPlanner.Settings(LONDON, first, first.plusDays(28), now, 10_000, List.of(1L), 0, 7, 3);
        // ten therapists, 12 hours a day for 28 days, at most 3,360 one-hour sessions
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> DiaryPlanner.checkCapacity(small, week(10, first)))
                .withMessageStartingWith("Working hours cannot hold 10,000 sessions: 10 therapists hold at most ")
                .withMessageMatching(".*give --therapists=(3[0-9]|4[0-9]) or lower --appointments");
        var enough = new DiaryPlanner.Settings(LONDON, first, first.plusDays(28), now, 2_000, List.of(1L), 0, 7, 3);
        DiaryPlanner.checkCapacity(enough, week(10, first));
    }

    private static List<DiaryPlanner.Therapist> week(int count, LocalDate first) {
        List<DiaryPlanner.Therapist> therapists = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            therapists.add(new DiaryPlanner.Therapist(id, EnumSet.allOf(DayOfWeek.class), 8, 20, Set.of()));
        }
        return therapists;
    }

    private static void assertNoOverlap(List<DiaryPlanner.Session> sessions) {
        var sorted = sessions.stream().sorted(java.util.Comparator.comparing(DiaryPlanner.Session::starts)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).starts()).isAfterOrEqualTo(sorted.get(i - 1).ends());
        }
    }

    @Test
    void aboutTwoPercentOfGeneratedIntakesAreFlaggedByTheRealScorer() {
        var definition = QuestionnaireLoader.loadCurrent();
        var answers = new IntakeAnswers(definition, LocalDate.of(2026, 11, 26));
        var random = new Random(3);
        int urgent = 0;
        int n = 5000;
        for (int i = 0; i < n; i++) {
            boolean couples = random.nextDouble() < 0.3;
            boolean partnered = couples || random.nextBoolean();
            var profile = new IntakeAnswers.Profile(IntakeAnswers.randomName(random), couples, partnered,
                    CaseMix.risk(partnered, couples, random));
            if (Scorer.score(definition, answers.answers(profile, i, random)).urgent()) {
                urgent++;
            }
        }
        assertThat(urgent / (double) n).isBetween(0.014, 0.026);
    }

    @Test
    void pooledIntakesScoreAsTheirOwnAnswersWouldAndCarryTheirOwnNames() {
        var definition = QuestionnaireLoader.loadCurrent();
        var rules = FactorRuleLoader.validate(FactorRuleLoader.loadClasspath("review/factor-rules-v2.yaml"), definition);
        var json = JsonMapper.builder().build();
        var pool = new ProfilePool(ScoredIntake.scoredEach(definition, rules,
                new IntakeAnswers(definition, LocalDate.of(2026, 11, 26)), json), 16, 5);
        assertThat(pool.size()).isEqualTo(11 * 16);
        var random = new Random(9);
        int urgent = 0;
        int n = 20_000;
        for (int id = 1; id <= n; id++) {
            boolean couples = random.nextDouble() < 0.3;
            boolean partnered = couples || random.nextBoolean();
            String name = IntakeAnswers.randomName(random);
            var scored = pool.scored(new IntakeAnswers.Profile(name, couples, partnered,
                    CaseMix.risk(partnered, couples, random)), id, random);
            urgent += scored.urgent() ? 1 : 0;
            if (id % 500 != 0) {
                continue;
            }
            assertThat(scored.answersJson()).doesNotContain("Qqz", "qqz", "987654321")
                    .contains('"' + name + '"', '"' + scored.email() + '"', '"' + scored.phone() + '"');
            assertThat(scored.email()).endsWith(id + "@example.org");
            // the stored document, scored again by the real scorer and rules, gives what the row says
            Map<String, List<String>> stored = json.readValue(scored.answersJson(), new TypeReference<>() { });
            var answers = Answers.of(stored);
            var report = Scorer.score(definition, answers);
            assertThat(json.writeValueAsString(report.scores())).isEqualTo(scored.scoresJson());
            assertThat(report.urgent()).isEqualTo(scored.urgent());
            assertThat(FactorSuggester.suggest(rules, definition, answers, report).stream().map(s -> s.tagId()).toList())
                    .isEqualTo(scored.suggestions().stream().map(ScoredIntake.Suggestion::tagId).toList());
            assertThat(answers.single("about.full_name")).contains(name);
            assertThat(answers.single("about.preferred_name").orElse(null)).isEqualTo(scored.preferredName());
        }
        assertThat(urgent / (double) n).isBetween(0.012, 0.028);
    }

    @Test
    void nobodyIsSeenOrBookedBeforeThePracticeHadTheirIntakeNorAfterTheirCaseClosed() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        var ledger = new CaseWriter.Ledger(4);
        int day = 24 * 60;
        // therapist 1's clients: intake 1 arrives on day 10, intake 3 on day 20 with partner 4 arriving on day 40
        ledger.therapist[1] = 1;
        ledger.therapist[3] = 1;
        ledger.client[1] = true;
        ledger.client[3] = true;
        ledger.submittedMinute[1] = 10 * day;
        ledger.submittedMinute[3] = 20 * day;
        ledger.submittedMinute[4] = 40 * day;
        ledger.partner[3] = 4;
        var caseload = new Caseload(ledger, 4, start);
        var random = new java.util.Random(7);

        assertThat(caseload.pick(0, start.plus(Duration.ofDays(12)), random)).as("nobody had been in three days").isNull();
        assertThat(caseload.pick(1, start.plus(Duration.ofDays(50)), random)).as("a therapist with no clients").isNull();
        for (int i = 0; i < 200; i++) {
            var early = caseload.pick(0, start.plus(Duration.ofDays(30)), random);
            assertThat(early).isNotNull();
            assertThat(early.partnerIntakeId()).as("the partner's intake is still to come").isNull();
            assertThat(early.known()).isBefore(start.plus(Duration.ofDays(27)));
            var late = caseload.pick(0, start.plus(Duration.ofDays(50)), random);
            assertThat(late).isNotNull();
            if (late.intakeId() == 3) {
                assertThat(late.partnerIntakeId()).isEqualTo(4L);
                assertThat(late.known()).isEqualTo(start.plus(Duration.ofDays(40)).plus(Duration.ofHours(1)));
            }
        }
        assertThat(caseload.daysInCare(3, start.plus(Duration.ofDays(50)))).isEqualTo(30);

        // intake 1's case closes on day 70, the partner's on day 90: nothing for them in the day before or after
        ledger.closedMinute[1] = 70 * day;
        ledger.closedMinute[4] = 90 * day;
        for (int i = 0; i < 200; i++) {
            var seen = caseload.pick(0, start.plus(Duration.ofDays(69).plusHours(1)), random);
            assertThat(seen).isNotNull();
            assertThat(seen.intakeId()).isEqualTo(3);
            assertThat(seen.partnerIntakeId()).isEqualTo(4L);
            var later = caseload.pick(0, start.plus(Duration.ofDays(95)), random);
            assertThat(later).isNotNull();
            assertThat(later.intakeId()).isEqualTo(3);
            assertThat(later.partnerIntakeId()).as("the partner's case has closed").isNull();
        }
        ledger.closedMinute[3] = 100 * day;
        assertThat(caseload.pick(0, start.plus(Duration.ofDays(120)), random)).as("every case closed").isNull();
    }

    @Test
    void repeatMeasuresScoreAsTheirStoredAnswersWouldAndRaiseNoRisk() {
        var json = JsonMapper.builder().build();
        var pool = new MeasurePool(json);
        var catalog = new app.thaw.outcomes.MeasureCatalog();
        java.util.Set<Integer> levels = new java.util.HashSet<>();
        for (long intake = 1; intake <= 300; intake++) {
            for (boolean couple : new boolean[] {false, true}) {
                var set = pool.answeredBefore(intake, intake * 7919, couple, (int) (intake % 200));
                Map<String, List<String>> stored = json.readValue(set.answersJson(), new TypeReference<>() { });
                var answers = Answers.of(stored);
                assertThat(total(catalog, app.thaw.outcomes.Measure.PHQ9, answers)).isEqualTo(set.phq9());
                assertThat(total(catalog, app.thaw.outcomes.Measure.GAD7, answers)).isEqualTo(set.gad7());
                assertThat(total(catalog, app.thaw.outcomes.Measure.FEELINGS, answers)).isEqualTo(set.feelings());
                assertThat(stored.get("phq9.9")).containsExactly("0");
                if (couple) {
                    assertThat(total(catalog, app.thaw.outcomes.Measure.CSI4, answers)).isEqualTo(set.csi4());
                    assertThat(set.measures()).isEqualTo("PHQ9,GAD7,CSI4,FEELINGS,PARTNER_SAFETY");
                    assertThat(stored.get("safety.partner_fear")).containsExactly("no");
                } else {
                    assertThat(set.csi4()).isNull();
                    assertThat(set.measures()).isEqualTo("PHQ9,GAD7,FEELINGS");
                }
                assertThat(set.phq9()).isBetween(1, 23);
                levels.add(set.phq9());
                // a resumed load makes the same rows
                assertThat(pool.answeredBefore(intake, intake * 7919, couple, (int) (intake % 200))).isEqualTo(set);
            }
        }
        assertThat(levels).hasSizeGreaterThan(15);
    }

    @Test
    void mostClientsScoreLowerTheLongerTheyAreInCare() {
        var pool = new MeasurePool(JsonMapper.builder().build());
        int lower = 0;
        int same = 0;
        double first = 0;
        double later = 0;
        for (long intake = 1; intake <= 3000; intake++) {
            int atStart = pool.answeredBefore(intake, 1, false, 7).phq9();
            int afterSixMonths = pool.answeredBefore(intake, 1, false, 180).phq9();
            first += atStart;
            later += afterSixMonths;
            if (afterSixMonths < atStart) {
                lower++;
            } else if (afterSixMonths == atStart) {
                same++;
            }
        }
        // two in three respond to therapy; the rest stay at their level
        assertThat(lower / 3000.0).isBetween(0.6, 0.73);
        assertThat(lower + same).isEqualTo(3000);
        assertThat((first - later) / 3000).as("mean PHQ-9 fall after six months").isBetween(4.0, 9.0);
    }

    private static Integer total(app.thaw.outcomes.MeasureCatalog catalog, app.thaw.outcomes.Measure measure,
                                 Answers answers) {
        return Scorer.score(catalog.definition(measure), answers).scores().stream()
                .filter(s -> s.id().equals(measure.scoreId())).findFirst().orElseThrow().total();
    }

    @Test
    void referencesAreUniqueAndInTheAppsFormat() {
        var seen = new java.util.HashSet<String>();
        for (long id = 1; id <= 200_000; id++) {
            String reference = Reference.of(id);
            assertThat(seen.add(reference)).isTrue();
            if (id % 1000 == 0) {
                assertThat(reference).matches("^THW-[0-9A-HJKMNP-TV-Z]{6}$");
            }
        }
    }
}
