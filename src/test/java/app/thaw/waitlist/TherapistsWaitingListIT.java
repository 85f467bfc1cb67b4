package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.IntakeFixtures;
import app.thaw.review.ClosureReason;
import app.thaw.review.ReviewTestData;

/**
 * A therapist's waiting list and freed-time suggestions are drawn from the whole practice: a colleague's waiting client
 * is left out without a "Refused access" line (nobody asked for that case), and never crowds out her own page.
 */
@IntegrationTest
class TherapistsWaitingListIT extends WaitlistTestSupport {

    @Autowired
    FreedTimeService freedTimes;

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
}
