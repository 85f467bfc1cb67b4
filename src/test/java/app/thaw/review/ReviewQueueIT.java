package app.thaw.review;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.Application;
import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.RequestedType;

/** The therapist's queue: safety order, filters and search, keyset paging in every sort, and who sees which cases. */
@IntegrationTest
class ReviewQueueIT extends ReviewTestSupport {

    @Test
    @WithUserDetails("amira")
    void theQueueShowsUrgentCasesFirstThenWhoeverHasWaitedLongest() {
        String word = ReviewTestData.uniqueWord();
        var routineFirst = data.submit(completeAnswers(word + " Oldest"));
        var urgentFirst = data.submit(urgent(completeAnswers(word + " Urgent")));
        var routineSecond = data.submit(completeAnswers(word + " Newer"));
        var urgentSecond = data.submit(completeAnswers(word + " Later").with("phq9.9", "2"));

        List<QueueRow> rows = reviewQueue.queue(anyStatus(word), QueueSort.DEFAULT, null, 50);

        assertThat(rows).extracting(QueueRow::reference).containsExactly(urgentFirst.reference(),
                urgentSecond.reference(), routineFirst.reference(), routineSecond.reference());
        assertThat(rows).extracting(QueueRow::urgent).containsExactly(true, true, false, false);
        assertThat(rows.getFirst().name()).isEqualTo(word + " Urgent");
        assertThat(rows.getFirst().requestedType()).isEqualTo(RequestedType.INDIVIDUAL);
        assertThat(rows.getFirst().status()).isEqualTo(IntakeStatus.NEW);
        assertThat(rows.getFirst().assigneeId()).isNull();
        assertThat(rows.getFirst().assigneeName()).isNull();
    }

    @Test
    @WithUserDetails("amira")
    void aNewUrgentCaseWhoseRiskNobodyReviewedGoesAboveOlderUrgentCasesAlreadyReviewed() {
        String word = ReviewTestData.uniqueWord();
        var routine = data.submit(completeAnswers(word + " Routine"));
        var reviewed = data.submit(urgent(completeAnswers(word + " Reviewed")));
        caseWork.acknowledgeRisk(IntakeId.of(reviewed.id()), "Called the client: safe, crisis plan shared.");
        var unreviewed = data.submit(urgent(completeAnswers(word + " Unreviewed")));

        List<QueueRow> rows = reviewQueue.queue(anyStatus(word), QueueSort.DEFAULT, null, 50);

        assertThat(rows).extracting(QueueRow::reference).containsExactly(unreviewed.reference(),
                reviewed.reference(), routine.reference());
        assertThat(rows).extracting(QueueRow::riskReviewed).containsExactly(false, true, false);
        // and the same order page by page, one row at a time through the keyset
        List<String> paged = new ArrayList<>();
        QueueRow after = null;
        for (int page = 0; page < 4; page++) {
            List<QueueRow> one = reviewQueue.queue(anyStatus(word), QueueSort.DEFAULT, after, 1);
            if (one.isEmpty()) {
                break;
            }
            paged.add(one.getFirst().reference());
            after = one.getFirst();
        }
        assertThat(paged).containsExactly(unreviewed.reference(), reviewed.reference(), routine.reference());
        // a colleague's queue shows the unreviewed urgent case first too: it is unassigned until someone reviews it
        assertThat(data.as("tom", () -> reviewQueue.queue(anyStatus(word), QueueSort.DEFAULT, null, 50)))
                .extracting(QueueRow::reference).containsExactly(unreviewed.reference(), routine.reference());
    }

    @Test
    @WithUserDetails("amira")
    void filtersAndSearchNarrowTheQueue() {
        String word = ReviewTestData.uniqueWord();
        var alpha = data.submit(completeAnswers(word + " Alpha"));
        var beta = data.submit(urgent(completeAnswers(word + " Beta")));
        var gamma = data.submit(completeAnswers(word + " Gamma").with("preferences.session_type", "not_sure"));
        var delta = data.submit(completeAnswers(word + " Delta"));
        caseOpening.openCase(CaseReference.of(alpha.reference()));
        assignments.assignToMe(IntakeId.of(delta.id()));

        assertThat(refs(QueueFilter.open().withSearch(word))).containsExactlyInAnyOrder(alpha.reference(),
                beta.reference(), gamma.reference(), delta.reference());
        assertThat(refs(filter(word, Set.of(IntakeStatus.IN_REVIEW), QueueFilter.Urgency.ANY, null,
                QueueFilter.Assignment.ANYONE, null, null))).containsExactly(alpha.reference());
        assertThat(refs(filter(word, Set.of(IntakeStatus.REFERRED, IntakeStatus.CLOSED), QueueFilter.Urgency.ANY,
                null, QueueFilter.Assignment.ANYONE, null, null))).isEmpty();
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.URGENT, null, QueueFilter.Assignment.ANYONE,
                null, null))).containsExactly(beta.reference());
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ROUTINE, null, QueueFilter.Assignment.ANYONE,
                null, null))).containsExactly(alpha.reference(), gamma.reference(), delta.reference());
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, RequestedType.NOT_SURE,
                QueueFilter.Assignment.ANYONE, null, null))).containsExactly(gamma.reference());
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, RequestedType.INDIVIDUAL,
                QueueFilter.Assignment.ANYONE, null, null)))
                .containsExactly(beta.reference(), alpha.reference(), delta.reference());
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ME, null,
                null))).containsExactly(delta.reference());
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.UNASSIGNED,
                null, null))).containsExactly(beta.reference(), alpha.reference(), gamma.reference());

        LocalDate sent = reviewQueue.queue(anyStatus(word), QueueSort.DEFAULT, null, 10).getFirst().submittedAt()
                .atZone(Application.PRACTICE_ZONE).toLocalDate();
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ANYONE, sent,
                sent))).hasSize(4);
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ANYONE,
                sent.plusDays(1), null))).isEmpty();
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ANYONE, null,
                sent.minusDays(1)))).isEmpty();
        assertThat(refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ANYONE,
                sent.minusDays(3), sent))).hasSize(4);

        assertThat(refs(anyStatus(gamma.reference()))).containsExactly(gamma.reference());
        assertThat(refs(anyStatus(" " + gamma.reference().toLowerCase().replace("-", "") + " ")))
                .containsExactly(gamma.reference());
        assertThat(refs(anyStatus(word.toLowerCase() + " gam"))).containsExactly(gamma.reference());
        assertThat(refs(anyStatus("delt " + word.substring(0, 6)))).containsExactly(delta.reference());
        assertThat(refs(anyStatus(word + " Nobody"))).isEmpty();
        assertThat(refs(anyStatus("' or 1=1 -- " + word))).isEmpty();
    }

    @Test
    @WithUserDetails("amira")
    void keysetPagesWalkEveryRowExactlyOnceInEachSortOrder() {
        String word = ReviewTestData.uniqueWord();
        // duplicate names and a mix of urgent and routine cases, so ties fall on page boundaries
        var carter = data.submit(completeAnswers(word + " Carter"));
        var adams = data.submit(completeAnswers(word + " Adams"));
        data.submit(urgent(completeAnswers(word + " Carter")));
        data.submit(urgent(completeAnswers(word + " Baker")));
        var evans = data.submit(completeAnswers(word + " Evans"));
        data.submit(completeAnswers(word + " Adams"));
        data.submit(urgent(completeAnswers(word + " Dunn")));
        var colleagues = data.submit(completeAnswers(word + " Baker"));
        // her own cases and the unassigned ones are read as two sets and merged; a colleague's case is in neither
        assignments.assignToMe(IntakeId.of(adams.id()));
        assignments.assignToMe(IntakeId.of(carter.id()));
        assignments.assignToMe(IntakeId.of(evans.id()));
        data.as("tom", () -> assignments.assignToMe(IntakeId.of(colleagues.id())));
        QueueFilter filter = anyStatus(word);

        Comparator<QueueRow> byId = Comparator.comparingLong(QueueRow::intakeId);
        Map<QueueSort, Comparator<QueueRow>> expected = Map.of(
                QueueSort.DEFAULT, Comparator.comparing(QueueRow::urgent).reversed()
                        .thenComparing(QueueRow::submittedAt).thenComparing(byId),
                new QueueSort(QueueSort.Field.NAME, false), Comparator.comparing(QueueRow::name).thenComparing(byId),
                new QueueSort(QueueSort.Field.NAME, true),
                Comparator.comparing(QueueRow::name).thenComparing(byId).reversed(),
                new QueueSort(QueueSort.Field.SUBMITTED, true),
                Comparator.comparing(QueueRow::submittedAt).thenComparing(byId).reversed(),
                new QueueSort(QueueSort.Field.SUBMITTED, false),
                Comparator.comparing(QueueRow::submittedAt).thenComparing(byId),
                new QueueSort(QueueSort.Field.REFERENCE, false),
                Comparator.comparing(QueueRow::reference).thenComparing(byId),
                new QueueSort(QueueSort.Field.REFERENCE, true),
                Comparator.comparing(QueueRow::reference).thenComparing(byId).reversed());

        expected.forEach((sort, order) -> {
            List<QueueRow> all = reviewQueue.queue(filter, sort, null, 200);
            assertThat(all).as("all rows for %s", sort).hasSize(7).isSortedAccordingTo(order)
                    .noneMatch(row -> row.intakeId() == colleagues.id());

            List<QueueRow> walked = walk(filter, sort, 2);

            assertThat(walked).as("pages of 2 for %s", sort).extracting(QueueRow::intakeId)
                    .doesNotHaveDuplicates()
                    .containsExactlyElementsOf(all.stream().map(QueueRow::intakeId).toList());
        });
    }

    @Test
    void aTherapistNeverSeesAColleaguesCaseInTheQueueButAnAdminSeesAll() {
        String word = ReviewTestData.uniqueWord();
        var amirasCase = data.submit(completeAnswers(word + " Amiras"));
        var tomsCase = data.submit(completeAnswers(word + " Toms"));
        var openCase = data.submit(completeAnswers(word + " Open"));
        data.as("amira", () -> assignments.assignToMe(IntakeId.of(amirasCase.id())));
        data.as("tom", () -> assignments.assignToMe(IntakeId.of(tomsCase.id())));

        List<String> tomSees = data.as("tom", () -> refs(anyStatus(word)));
        List<QueueRow> tomsWholeQueue = data.as("tom", () -> walk(new QueueFilter(Set.of(),
                QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ANYONE, null, null, null),
                QueueSort.DEFAULT, 200));
        List<QueueRow> adminSees = data.as("admin", () -> reviewQueue.queue(anyStatus(word), QueueSort.DEFAULT, null, 50));

        assertThat(tomSees).containsExactly(tomsCase.reference(), openCase.reference());
        long tom = data.idOf("tom");
        assertThat(tomsWholeQueue).isNotEmpty()
                .allSatisfy(row -> assertThat(row.assigneeId()).isIn(null, tom));
        assertThat(adminSees).extracting(QueueRow::reference).containsExactly(amirasCase.reference(),
                tomsCase.reference(), openCase.reference());
        assertThat(adminSees).extracting(QueueRow::assigneeName).containsExactly("Dr Amira Khan", "Tom Whitfield",
                null);
        assertThat(data.as("admin", () -> refs(filter(word, Set.of(), QueueFilter.Urgency.ANY, null,
                QueueFilter.Assignment.UNASSIGNED, null, null)))).containsExactly(openCase.reference());
    }

    private static QueueFilter filter(String search, Set<IntakeStatus> statuses, QueueFilter.Urgency urgency,
                                      RequestedType type, QueueFilter.Assignment assignment, LocalDate from,
                                      LocalDate to) {
        return new QueueFilter(statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses), urgency, type, assignment,
                from, to, search);
    }

    /** The whole queue, page by page, each page starting after the last row of the one before. */
    private List<QueueRow> walk(QueueFilter filter, QueueSort sort, int pageSize) {
        List<QueueRow> rows = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        QueueRow last = null;
        for (int pages = 0; pages < 10_000; pages++) {
            List<QueueRow> page = reviewQueue.queue(filter, sort, last, pageSize);
            assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
            page.forEach(row -> assertThat(seen.add(row.intakeId())).as("row %s seen twice", row.reference())
                    .isTrue());
            rows.addAll(page);
            if (page.size() < pageSize) {
                return rows;
            }
            last = page.getLast();
        }
        throw new AssertionError("the queue never ended");
    }
}
