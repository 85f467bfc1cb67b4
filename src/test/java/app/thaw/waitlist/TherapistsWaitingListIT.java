package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ClosureReason;
import app.thaw.review.FactorService;
import app.thaw.review.QueueFilter;
import app.thaw.review.QueueSort;
import app.thaw.review.ReviewQueueService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.ClientRequestService;

/**
 * A therapist's waiting list and freed-time suggestions are drawn from the whole practice: a colleague's waiting client
 * is left out without a "Refused access" line (nobody asked for that case), and never crowds out her own page.
 */
@IntegrationTest
class TherapistsWaitingListIT extends WaitlistTestSupport {

    @Autowired
    FreedTimeService freedTimes;
    @Autowired
    ReviewQueueService queue;
    @Autowired
    ClientRequestService requests;
    @Autowired
    FactorService factors;

    @Test
    void aColleaguesWaitingClientIsLeftOutOfHerListAndSuggestionsWithoutAnAuditedRefusal() {
        var gracesFirst = waiting.waitingClient(IntakeFixtures.completeAnswers("Grace One "
                + ReviewTestData.uniqueWord()), "grace");
        var gracesSecond = waiting.waitingClient(IntakeFixtures.completeAnswers("Grace Two "
                + ReviewTestData.uniqueWord()), "grace");
        var amiras = waiting.waitingClient("Amira Own " + ReviewTestData.uniqueWord());
        try {
            // Grace's clients have waited longest of anyone, so the practice's list (and a freed time) starts with them
            jdbc.update("update waitlist_entry set added_at = ?, urgent = true where intake_id in (?, ?)",
                    Timestamp.from(Instant.parse("2001-01-01T09:00:00Z")), gracesFirst.id(), gracesSecond.id());
            var time = waiting.amiraOnline(1, 50).getFirst();
            long slotId = offerStore.insertSlot("FREED", time.therapistId(), null, individualType(), "ONLINE",
                    time.start().toInstant(), time.end().toInstant(), time.start().toInstant(), null, Instant.now());

            List<String> amirasList = data.as("amira", () -> waitlist.waiting(WaitlistFilter.all())).stream()
                    .map(WaitingCase::reference).toList();
            assertThat(amirasList).contains(amiras.reference())
                    .doesNotContain(gracesFirst.reference(), gracesSecond.reference());
            // a page of one is one of her own cases, not an empty page behind her colleague's
            assertThat(data.as("amira", () -> waitlist.waiting(new WaitlistFilter(null, null, false, 1, 0))))
                    .singleElement().satisfies(c -> assertThat(amirasList).contains(c.reference()));
            assertThat(data.as("admin", () -> waitlist.waiting(new WaitlistFilter(null, null, false, 2, 0))))
                    .extracting(WaitingCase::reference)
                    .containsExactlyInAnyOrder(gracesFirst.reference(), gracesSecond.reference());

            List<FreedTime> freed = data.as("amira", () -> freedTimes.freedTimes());
            assertThat(freed).filteredOn(f -> f.slotId() == slotId).singleElement().satisfies(f -> assertThat(f.fits())
                    .isNotEmpty()
                    .extracting(FreedTime.Fit::reference)
                    .doesNotContain(gracesFirst.reference(), gracesSecond.reference()));
            assertThat(data.as("grace", () -> freedTimes.freedTimes())).noneMatch(f -> f.slotId() == slotId);

            assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CASE_ACCESS_DENIED' "
                    + "and case_reference in (?, ?)", Integer.class, gracesFirst.reference(),
                    gracesSecond.reference())).isZero();
        } finally {
            // off the list again, so no other test's freed time is offered to these long waiters
            for (var client : List.of(gracesFirst, gracesSecond)) {
                data.as("grace", () -> care.closeCase(IntakeId.of(client.id()), ClosureReason.CLIENT_WITHDREW, false));
            }
        }
    }

    @Test
    void noListATherapistOpensWritesARefusalForAColleaguesClient() {
        var gracesWaiting = waiting.waitingClient(IntakeFixtures.completeAnswers("Grace Three "
                + ReviewTestData.uniqueWord()), "grace");
        Instant before = Instant.now();
        try {
            // at the head of the practice's list, where every list a therapist opens meets it
            jdbc.update("update waitlist_entry set added_at = ?, urgent = true where intake_id = ?",
                    Timestamp.from(Instant.parse("2001-01-01T09:00:00Z")), gracesWaiting.id());
            data.as("amira", () -> {
                queue.queue(QueueFilter.open(), QueueSort.DEFAULT, null, 50);
                waitlist.waiting(WaitlistFilter.all());
                waitlist.waits();
                freedTimes.freedTimes();
                requests.open();
                scheduling.sessions(StaffId.of(data.idOf("amira")), LocalDate.now(), LocalDate.now().plusDays(6));
                factors.agreementReport();
            });
            // a refusal line is for someone who asked for a case; a list leaving one out asked for nothing
            assertThat(jdbc.queryForList("select case_reference from audit_entry where action = 'CASE_ACCESS_DENIED' "
                    + "and actor_id = ? and occurred_at >= ?", String.class, data.idOf("amira"),
                    Timestamp.from(before))).isEmpty();
        } finally {
            data.as("grace", () -> care.closeCase(IntakeId.of(gracesWaiting.id()), ClosureReason.CLIENT_WITHDREW,
                    false));
        }
    }
}
