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
 * The generator's promises at tiny scale: no double booking, hours kept, ~2% risk by the real scorer, the fast
 * path's pooled answers scoring exactly as their own stored document would, each intake's own first measure, and the
 * courses of therapy the app would have kept for the generated history.
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
        var catalog = new app.thaw.outcomes.MeasureCatalog();
        var pool = new ProfilePool(ScoredIntake.scoredEach(definition, rules,
                new IntakeAnswers(definition, LocalDate.of(2026, 11, 26)), catalog, json), 16, 5);
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
            // its first measure is what the app's MeasureRecords.recordIntake makes of the stored document
            var first = app.thaw.outcomes.IntakeMeasure.of(catalog, answers);
            var set = scored.intakeSet();
            assertThat(set.versions()).isEqualTo("measure-phq9-v1,measure-gad7-v1,measure-feelings-v1")
                    .isEqualTo(String.join(",", first.versions()));
            assertThat(json.readValue(set.answersJson(), new TypeReference<Map<String, List<String>>>() { }))
                    .isEqualTo(first.answers()).hasSize(9 + 7 + 5);
            assertThat(new Integer[] {set.phq9(), set.gad7(), set.csi4(), set.feelings()}).containsExactly(
                    first.scores().get("phq9"), first.scores().get("gad7"), null, first.scores().get("feelings"));
            // the same PHQ-9 and GAD-7 as the intake's own scores
            Map<Object, Object> totals = new HashMap<>();
            json.readValue(scored.scoresJson(), new TypeReference<List<Map<String, Object>>>() { })
                    .forEach(score -> totals.put(score.get("id"), score.get("total")));
            assertThat(totals).containsEntry("phq9", set.phq9()).containsEntry("gad7", set.gad7());
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
                var set = pool.answeredBefore(intake, intake * 7919, couple, level(intake), (int) (intake % 200),
                        false);
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
                assertThat(pool.answeredBefore(intake, intake * 7919, couple, level(intake), (int) (intake % 200),
                        false)).isEqualTo(set);
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
            int atStart = pool.answeredBefore(intake, 1, false, level(intake), 7, false).phq9();
            int afterSixMonths = pool.answeredBefore(intake, 1, false, level(intake), 180, false).phq9();
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

    @Test
    void beforeAFirstSessionNothingTheIntakeMeasuredIsAskedAgain() {
        var json = JsonMapper.builder().build();
        var pool = new MeasurePool(json);
        var catalog = new app.thaw.outcomes.MeasureCatalog();
        for (long intake = 1; intake <= 100; intake++) {
            assertThat(pool.answeredBefore(intake, intake * 31, false, level(intake), 10, true))
                    .as("an individual client's first session: the intake is its measure").isNull();
            var set = pool.answeredBefore(intake, intake * 31, true, level(intake), 10, true);
            assertThat(set.measures()).isEqualTo("CSI4,PARTNER_SAFETY");
            assertThat(set.paired()).isFalse();
            assertThat(new Integer[] {set.phq9(), set.gad7(), set.feelings()}).containsOnlyNulls();
            Map<String, List<String>> stored = json.readValue(set.answersJson(), new TypeReference<>() { });
            assertThat(stored).doesNotContainKeys("phq9.1", "gad7.1", "numbness.numb");
            assertThat(total(catalog, app.thaw.outcomes.Measure.CSI4, Answers.of(stored))).isEqualTo(set.csi4());
        }
    }

    /**
     * A practice's year at small scale through the generator's own writers (intakes, diary, measures, courses), read
     * back from the rows it would COPY and checked against the app's rules: each intake's first measure dated at its
     * submission; a course exactly for each client who attended a session, as the app's pure CaseLifecycle folds
     * their events (ended, with its outcome, when the case was closed: the app ends therapy before it closes a case);
     * its first and last PHQ-9/GAD-7 and paired sets as EpisodeStore picks them from the answered sets.
     */
    /** A small practice's generated rows, as the generator's own writers put them in its COPY chunks. */
    private record Generated(Chunk chunk, CaseWriter.Ledger ledger, Courses courses, Map<Long, Courses.Episode> episodes,
                             Instant now) {
    }

    /**
     * A practice's year at small scale through the generator's own writers: intakes, the diary with its measures and
     * courses, then (as {@link SessionLoad#loadEpisodes} does once the diary is planned) each course and each closed
     * case's last events.
     */
    private static Generated generated(int intakes) {
        Instant now = Instant.parse("2026-03-20T12:00:00Z");
        LocalDate firstDay = LocalDate.of(2025, 1, 1);
        Instant start = firstDay.atStartOfDay(LONDON).toInstant();
        var definition = QuestionnaireLoader.loadCurrent();
        var rules = FactorRuleLoader.validate(FactorRuleLoader.loadClasspath("review/factor-rules-v2.yaml"), definition);
        var json = JsonMapper.builder().build();
        var pool = new ProfilePool(ScoredIntake.scoredEach(definition, rules,
                new IntakeAnswers(definition, LocalDate.ofInstant(now, LONDON)), new app.thaw.outcomes.MeasureCatalog(),
                json), 8, 11);
        long[] therapistIds = {1, 2, 3, 4, 5};
        var ledger = new CaseWriter.Ledger(intakes + 1);
        var cases = new CaseWriter(definition, rules, pool, true, start, now, therapistIds, ledger, 1, 1);
        var random = new Random(17);
        var chunk = new Chunk();
        long span = Duration.between(start, now).toSeconds();
        while (cases.written() < intakes) {
            double position = (cases.written() + random.nextDouble()) / intakes;
            cases.write(chunk, start.plusSeconds((long) (span * position)), intakes - cases.written(), random);
        }
        var caseload = new Caseload(ledger, intakes, start);
        var courses = new Courses(ledger, intakes, start, now, therapistIds);
        var sessions = new SessionLoad.Writer(Map.of("ASSESSMENT", 1L, "INDIVIDUAL", 2L, "COUPLES", 3L),
                Map.of("ASSESSMENT", false, "INDIVIDUAL", true, "COUPLES", true), true, new MeasurePool(json), caseload,
                courses, intakes);
        var settings = new DiaryPlanner.Settings(LONDON, firstDay, LocalDate.ofInstant(now, LONDON).plusDays(90), now,
                2L * intakes, List.of(101L, 102L), 0, 14, 5);
        long[] nextId = {1};
        new DiaryPlanner(settings, week(5, firstDay), caseload).plan(session -> sessions.write(chunk, nextId[0]++,
                session));
        Map<Long, Courses.Episode> episodes = new HashMap<>();
        for (int id = 1; id <= intakes; id++) {
            Courses.Episode e = courses.episode(id);
            if (e != null) {
                SessionLoad.episodeRow(chunk.episodes, episodes.size() + 1, e);
                episodes.put(e.intakeId(), e);
            }
            courses.closing(id, chunk.careEvents);
        }
        return new Generated(chunk, ledger, courses, episodes, now);
    }

    @Test
    void theCoursesAreTheOnesTheAppWouldHaveKeptForTheGeneratedHistory() {
        int intakes = 1500;
        Generated generated = generated(intakes);
        Chunk chunk = generated.chunk();
        CaseWriter.Ledger ledger = generated.ledger();
        Map<Long, Courses.Episode> episodes = generated.episodes();

        Map<Long, String[]> intakeRows = byId(rows(chunk.intakes), 0);
        assertThat(intakeRows).hasSize(intakes);
        Map<Long, String[]> requests = byId(rows(chunk.measureRequests), 0);
        Map<Long, String[]> first = new HashMap<>();
        Map<Long, List<String[]>> answered = new HashMap<>();
        Map<List<Long>, String[]> bySession = new HashMap<>();
        for (String[] r : rows(chunk.measureResponses)) {
            long intake = Long.parseLong(r[1]);
            answered.computeIfAbsent(intake, k -> new ArrayList<>()).add(r);
            if (r[3].equals("INTAKE")) {
                assertThat(first.put(intake, r)).as("one first measure an intake").isNull();
                assertThat(r[0]).isEqualTo(r[1]);
                assertThat(r[2]).isEqualTo("\\N");
            } else {
                String[] request = requests.get(Long.parseLong(r[2]));
                assertThat(request[1]).isEqualTo(r[1]);
                assertThat(Long.parseLong(r[0])).isGreaterThan(intakes);
                bySession.put(List.of(intake, Long.parseLong(request[2])), r);
            }
        }
        // every intake has its own first measure, dated at its submission, with the scores the diary's levels follow
        assertThat(first).hasSize(intakes);
        intakeRows.forEach((id, intake) -> {
            assertThat(first.get(id)[4]).isEqualTo(intake[20]);
            assertThat(Integer.parseInt(first.get(id)[7])).isEqualTo(ledger.intakePhq9[(int) (long) id]);
        });

        Map<Long, List<String[]>> attendedBy = new HashMap<>();
        for (String[] a : rows(chunk.appointments)) {
            if (a[9].equals("ATTENDED")) {
                attendedBy.computeIfAbsent(Long.parseLong(a[1]), k -> new ArrayList<>()).add(a);
                if (!a[2].equals("\\N")) {
                    attendedBy.computeIfAbsent(Long.parseLong(a[2]), k -> new ArrayList<>()).add(a);
                }
            }
        }
        int ended = 0;
        int open = 0;
        int finished = 0;
        int partners = 0;
        int improved = 0;
        for (long id = 1; id <= intakes; id++) {
            String[] intake = intakeRows.get(id);
            List<String[]> seen = attendedBy.getOrDefault(id, List.of()).stream()
                    .sorted(java.util.Comparator.comparing(a -> Instant.parse(a[7]))).toList();
            List<app.thaw.care.CareEvent> events = new ArrayList<>();
            for (String[] a : seen) {
                events.add(app.thaw.care.CareEvent.session(app.thaw.care.CareEventKind.SESSION_ATTENDED,
                        Long.parseLong(a[0]), !a[5].equals("1"), Instant.parse(a[7])));
            }
            Instant closed = intake[21].equals("\\N") ? null : Instant.parse(intake[21]);
            var course = app.thaw.care.CaseLifecycle.fold(events).course();
            Courses.Episode episode = episodes.get(id);
            assertThat(episode != null).as("a course for intake %d, who attended %d sessions", id, seen.size())
                    .isEqualTo(course.started() != null);
            // asked a day ahead with no attended session on record, a session's measure is the intake's own: nothing
            // it measured is asked again (DueMeasures), so an individual session has no request at all
            for (String[] a : seen) {
                Instant asked = Instant.parse(a[7]).minus(Duration.ofDays(1));
                boolean asFirst = seen.stream().noneMatch(b -> Instant.parse(b[7]).isBefore(asked));
                String[] set = bySession.get(List.of(id, Long.parseLong(a[0])));
                assertThat(set == null).isEqualTo(asFirst && a[2].equals("\\N"));
                if (set != null) {
                    assertThat(set[7].equals("\\N")).isEqualTo(asFirst);
                }
            }
            if (episode == null) {
                continue;
            }
            if (closed != null) {
                // the therapist ended therapy, then closed the case: allowed only after the last attended session
                assertThat(seen.getLast()[7]).satisfies(last -> assertThat(Instant.parse(last)).isBefore(closed));
                events.add(app.thaw.care.CareEvent.therapyEnded(Courses.outcome(id), closed));
                events.add(app.thaw.care.CareEvent.of(app.thaw.care.CareEventKind.CASE_CLOSED, closed));
                var stage = app.thaw.care.CaseLifecycle.fold(events);
                assertThat(stage.status()).isEqualTo(app.thaw.intake.IntakeStatus.CLOSED);
                course = stage.course();
            }
            assertThat(episode.startedAt()).isEqualTo(course.started());
            assertThat(episode.endedAt()).isEqualTo(course.ended()).isEqualTo(closed);
            assertThat(episode.outcome()).isEqualTo(course.outcome());
            assertThat(episode.finished()).isEqualTo(course.finishedTreatment());
            assertThat(episode.referredAt()).isEqualTo(Instant.parse(intake[20]));
            assertThat(episode.serviceType()).isEqualTo(intake[19].equals("\\N") ? "INDIVIDUAL" : "COUPLES");
            assertThat(String.valueOf(episode.therapistId())).isEqualTo(intake[22]);
            // EpisodeStore.open: the latest pair answered by the start; then each pair while open (measured)
            Instant started = episode.startedAt();
            List<String[]> pairs = answered.get(id).stream().filter(r -> !r[7].equals("\\N") && !r[8].equals("\\N"))
                    .sorted(java.util.Comparator.comparing((String[] r) -> Instant.parse(r[4]))
                            .thenComparing(r -> Long.parseLong(r[0]))).toList();
            List<String[]> byStart = pairs.stream().filter(r -> !Instant.parse(r[4]).isAfter(started)).toList();
            List<String[]> during = pairs.stream().filter(r -> Instant.parse(r[4]).isAfter(started)
                    && (closed == null || !Instant.parse(r[4]).isAfter(closed))).toList();
            assertThat(byStart.getLast()).as("the course's first measure is the intake's").isSameAs(first.get(id));
            String[] last = during.isEmpty() ? byStart.getLast() : during.getLast();
            assertThat(new Integer[] {episode.firstPhq9(), episode.firstGad7(), episode.lastPhq9(), episode.lastGad7()})
                    .containsExactly(Integer.valueOf(byStart.getLast()[7]), Integer.valueOf(byStart.getLast()[8]),
                            Integer.valueOf(last[7]), Integer.valueOf(last[8]));
            assertThat(episode.pairedSets()).isEqualTo(1 + during.size());
            ended += closed != null ? 1 : 0;
            open += closed == null ? 1 : 0;
            finished += episode.finished() ? 1 : 0;
            partners += ledger.client[(int) id] ? 0 : 1;
            var outcome = app.thaw.outcomes.TalkingTherapiesOutcome.of(
                    new app.thaw.outcomes.TalkingTherapiesOutcome.Scores(episode.firstPhq9(), episode.firstGad7()),
                    new app.thaw.outcomes.TalkingTherapiesOutcome.Scores(episode.lastPhq9(), episode.lastGad7()),
                    episode.pairedSets() >= 2);
            improved += episode.finished() && outcome.reliableImprovement() ? 1 : 0;
        }
        assertThat(List.of(ended, open, finished, partners, improved)).as("ended, open, finished, partners' "
                + "courses, finished and reliably improved").allMatch(n -> n > 20);
        assertThat(ended + open).isEqualTo(episodes.size());

        // the COPY row carries the course as the record holds it, in outcome_episode's column order
        for (String[] row : rows(chunk.episodes)) {
            var e = episodes.get(Long.parseLong(row[1]));
            assertThat(row).containsExactly(row[0], String.valueOf(e.intakeId()), e.serviceType(),
                    String.valueOf(e.therapistId()), e.referredAt().toString(), e.startedAt().toString(),
                    e.endedAt() == null ? "\\N" : e.endedAt().toString(),
                    e.outcome() == null ? "\\N" : e.outcome().name(), String.valueOf(e.finished()),
                    String.valueOf(e.firstPhq9()), String.valueOf(e.firstGad7()), String.valueOf(e.lastPhq9()),
                    String.valueOf(e.lastGad7()), String.valueOf(e.pairedSets()));
        }
    }

    /**
     * Every generated intake's care events (ADR 9), read back from the rows the generator would COPY and folded by the
     * app's own CaseLifecycle: they give the status the intake ends up with (the one written with it, or the one the
     * diary made of a scheduled case), and the course of care its outcome_episode row keeps; each session has, for
     * each of its clients, exactly the events of its state (booked when made; cancelled when called off; attended or
     * not for its start), and nobody else does; nothing happens before the form arrived, after the case closed (its
     * end of therapy and closing at that moment, closing last) or after now.
     */
    @Test
    void eachCasesEventsFoldToItsStatusAndItsSessionsStates() {
        int intakes = 1500;
        Generated generated = generated(intakes);
        Map<Long, String[]> intakeRows = byId(rows(generated.chunk().intakes), 0);
        Map<Long, List<String[]>> eventRows = new HashMap<>();
        for (String[] e : rows(generated.chunk().careEvents)) {
            eventRows.computeIfAbsent(Long.parseLong(e[0]), k -> new ArrayList<>()).add(e);
        }
        assertThat(eventRows.keySet()).as("every intake has its events, and only intakes do").isEqualTo(intakeRows.keySet());

        // each session's events, client by client
        Map<List<Long>, List<String[]>> bySession = new HashMap<>();
        eventRows.forEach((intake, events) -> events.stream().filter(e -> !e[5].equals("\\N"))
                .forEach(e -> bySession.computeIfAbsent(List.of(intake, Long.parseLong(e[5])), k -> new ArrayList<>())
                        .add(e)));
        int clientsOfSessions = 0;
        Map<String, Integer> states = new HashMap<>();
        for (String[] a : rows(generated.chunk().appointments)) {
            long appointment = Long.parseLong(a[0]);
            states.merge(a[9], 1, Integer::sum);
            for (String client : a[2].equals("\\N") ? List.of(a[1]) : List.of(a[1], a[2])) {
                clientsOfSessions++;
                List<String> kinds = bySession.getOrDefault(List.of(Long.parseLong(client), appointment), List.of())
                        .stream().map(e -> e[1] + "@" + e[2] + "/" + e[4] + "/" + e[6]).toList();
                String how = "/" + a[3] + "/" + !a[5].equals("1");
                List<String> expected = new ArrayList<>(List.of("SESSION_BOOKED@" + a[14] + how));
                switch (a[9]) {
                    case "BOOKED" -> { }
                    case "CANCELLED" -> expected.add("SESSION_CANCELLED@" + a[13] + how);
                    case "ATTENDED" -> expected.add("SESSION_ATTENDED@" + a[7] + how);
                    case "NO_SHOW" -> expected.add("SESSION_MISSED@" + a[7] + how);
                    default -> throw new AssertionError(a[9]);
                }
                assertThat(kinds).as("session %d (%s) of intake %s", appointment, a[9], client).isEqualTo(expected);
            }
        }
        assertThat(bySession).as("no session events for anyone not in the session").hasSize(clientsOfSessions);
        assertThat(states.keySet()).containsExactlyInAnyOrder("BOOKED", "CANCELLED", "ATTENDED", "NO_SHOW");

        Map<app.thaw.intake.IntakeStatus, Integer> statuses = new java.util.EnumMap<>(app.thaw.intake.IntakeStatus.class);
        int changed = 0;
        for (long id = 1; id <= intakes; id++) {
            String[] intake = intakeRows.get(id);
            List<String[]> rows = eventRows.get(id);
            List<app.thaw.care.CareEvent> events = rows.stream().map(BenchDataInvariantsTest::event).toList();
            var stage = app.thaw.care.CaseLifecycle.fold(events);
            // the status the generator leaves on the intake: as written, unless the diary changed a scheduled case's
            var status = generated.courses().status((int) id);
            if (!intake[2].equals(status.name())) {
                assertThat(intake[2]).isEqualTo("SCHEDULED");
                assertThat(generated.courses().statusChanged((int) id)).isTrue();
                changed++;
            }
            assertThat(stage.status()).as("intake %d, written %s, events %s", id, intake[2],
                    events.stream().map(e -> e.kind().name()).toList()).isEqualTo(status);
            statuses.merge(status, 1, Integer::sum);
            // the course the events make is the one outcome_episode keeps
            Courses.Episode episode = generated.episodes().get(id);
            var course = stage.course();
            assertThat(episode == null).isEqualTo(course.started() == null);
            if (episode != null) {
                assertThat(course.started()).isEqualTo(episode.startedAt());
                assertThat(course.ended()).isEqualTo(episode.endedAt());
                assertThat(course.outcome()).isEqualTo(episode.outcome());
                assertThat(course.finishedTreatment()).isEqualTo(episode.finished());
            }
            // nothing before the form arrived, the form first (by itself, by the system)
            Instant submitted = Instant.parse(intake[20]);
            assertThat(events.getFirst().kind()).isEqualTo(app.thaw.care.CareEventKind.SUBMITTED);
            assertThat(events.getFirst().occurredAt()).isEqualTo(submitted);
            assertThat(rows.getFirst()[4]).isEqualTo("\\N");
            for (String[] e : rows) {
                assertThat(Instant.parse(e[2])).as("intake %d: %s", id, e[1]).isAfterOrEqualTo(submitted)
                        .isBeforeOrEqualTo(generated.now());
                assertThat(Instant.parse(e[3])).isAfterOrEqualTo(Instant.parse(e[2]));
            }
            // nothing after the case closed; ended (if therapy had started) and closed at that moment, closed last
            if (!intake[21].equals("\\N")) {
                Instant closed = Instant.parse(intake[21]);
                assertThat(events).allSatisfy(e -> assertThat(e.occurredAt()).isBeforeOrEqualTo(closed));
                assertThat(events.getLast().kind()).isEqualTo(app.thaw.care.CareEventKind.CASE_CLOSED);
                assertThat(events.getLast().occurredAt()).isEqualTo(closed);
                assertThat(events.stream().filter(e -> e.kind() == app.thaw.care.CareEventKind.THERAPY_ENDED)
                        .map(app.thaw.care.CareEvent::occurredAt).toList())
                        .isEqualTo(course.started() == null ? List.of() : List.of(closed));
            } else {
                assertThat(events).noneMatch(e -> e.kind() == app.thaw.care.CareEventKind.CASE_CLOSED
                        || e.kind() == app.thaw.care.CareEventKind.THERAPY_ENDED);
            }
        }
        assertThat(statuses.keySet()).as("statuses %s", statuses).contains(app.thaw.intake.IntakeStatus.NEW,
                app.thaw.intake.IntakeStatus.IN_REVIEW, app.thaw.intake.IntakeStatus.REFERRED,
                app.thaw.intake.IntakeStatus.SCHEDULED, app.thaw.intake.IntakeStatus.IN_THERAPY,
                app.thaw.intake.IntakeStatus.CLOSED);
        assertThat(changed).isPositive();
    }

    private static app.thaw.care.CareEvent event(String[] row) {
        return new app.thaw.care.CareEvent(app.thaw.care.CareEventKind.valueOf(row[1]), Instant.parse(row[2]),
                row[5].equals("\\N") ? null : Long.valueOf(row[5]), row[6].equals("true"),
                row[7].equals("\\N") ? null : app.thaw.care.TherapyOutcome.valueOf(row[7]),
                row[8].equals("\\N") ? null : row[8]);
    }

    private static List<String[]> rows(CopyBuffer buffer) {
        return buffer.text().lines().map(line -> line.split("\t", -1)).toList();
    }

    private static Map<Long, String[]> byId(List<String[]> rows, int column) {
        Map<Long, String[]> byId = new HashMap<>();
        rows.forEach(r -> byId.put(Long.parseLong(r[column]), r));
        return byId;
    }

    /** A client's own level in these tests: 8–21, as the intakes' PHQ-9 mostly are. */
    private static int level(long intake) {
        return 8 + (int) (intake % 14);
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
