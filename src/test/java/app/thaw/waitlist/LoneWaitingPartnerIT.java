package app.thaw.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.intake.ClientStatus;
import app.thaw.retention.ErasureService;
import app.thaw.review.ClosureReason;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.SessionFormat;

/**
 * A couple waits in one place. When it ends without a session for both, the partner whose case still said "waiting"
 * was waiting for nothing: now their case leaves the list too, back to its referral, and their therapist is asked to
 * open it. Put back on the list, they wait alone. A session booked for both leaves neither stranded.
 */
@IntegrationTest
class LoneWaitingPartnerIT extends WaitlistTestSupport {

    @Autowired
    ErasureService erasure;

    @Test
    void whenOnePartnerWithdrawsTheOtherIsNoLongerShownWaitingAndTheirTherapistIsAsked() {
        var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());
        long alex = couple.alex().id();

        data.as("amira", () -> care.closeCase(IntakeId.of(couple.sam().id()), ClosureReason.CLIENT_WITHDREW, false));

        assertLeftTheList(alex);
        assertThat(clientStatus.status(couple.alex().receipt().statusToken()).orElseThrow().stage())
                .as("the client's page no longer says they are on the waiting list")
                .isEqualTo(ClientStatus.Stage.NEXT_STEP_DECIDED);
        assertThat(askedToOpen(alex)).as("Alex's therapist, with a link to the referral")
                .containsExactly(data.idOf("amira"));

        // put back on the list, Alex waits alone: there is no couple any more to offer times to
        data.as("amira", () -> care.addToWaitingList(IntakeId.of(alex), false));
        assertThat(status(alex)).isEqualTo("WAITING");
        assertThat(jdbc.queryForMap("select service, partner_intake_id from waitlist_entry where intake_id = ? "
                + "and state = 'WAITING'", alex)).containsEntry("service", "INDIVIDUAL")
                .containsEntry("partner_intake_id", null);
    }

    @Test
    void aSessionBookedForOnePartnerAloneLeavesTheOtherNoLongerWaiting() {
        var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());

        assertThat(book(couple.alex().id(), null, individualType())).isInstanceOf(BookingResult.Booked.class);

        assertThat(status(couple.alex().id())).isEqualTo("SCHEDULED");
        assertLeftTheList(couple.sam().id());
        assertThat(careEvents(couple.alex().id())).doesNotContain("LEFT_WAITING_LIST");
    }

    @Test
    void aCouplesSessionBookedForBothLeavesNeitherStranded() {
        var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());
        long couples = jdbc.queryForObject("select id from appointment_type where code = 'COUPLES'", Long.class);

        assertThat(book(couple.alex().id(), couple.sam().id(), couples)).isInstanceOf(BookingResult.Booked.class);

        for (long client : new long[] {couple.alex().id(), couple.sam().id()}) {
            assertThat(status(client)).isEqualTo("SCHEDULED");
            assertThat(careEvents(client)).doesNotContain("LEFT_WAITING_LIST");
            assertThat(askedToOpen(client)).isEmpty();
        }
    }

    @Test
    void anErasedPartnersPlaceLeavesTheOtherReferredAndNobodyIsAskedAboutTheErasedOne() {
        var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());

        assertThat(data.as("admin", () -> erasure.erase(CaseReference.of(couple.alex().reference()),
                "Their request in writing")).erased()).isTrue();

        assertLeftTheList(couple.sam().id());
        assertThat(careEvents(couple.alex().id())).doesNotContain("LEFT_WAITING_LIST");
        assertThat(askedToOpen(couple.alex().id())).isEmpty();
    }

    @Test
    void theMigrationMendsACaseLeftWaitingBeforeThisFix() throws Exception {
        var couple = waiting.waitingCouple(ReviewTestData.uniqueWord());
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V194__lone_waiting_partner.sql"));

        transactions.executeWithoutResult(tx -> {
            // as the old code left it: the couple's place gone, both cases still saying waiting
            jdbc.update("update waitlist_entry set state = 'REMOVED', left_at = now() where intake_id = ?",
                    couple.alex().id());
            jdbc.execute(migration);
            for (long client : new long[] {couple.alex().id(), couple.sam().id()}) {
                assertThat(status(client)).isEqualTo("REFERRED");
                assertThat(careEvents(client)).endsWith("LEFT_WAITING_LIST");
            }
            // the rest of the shared test database stays as the other tests left it
            tx.setRollbackOnly();
        });
    }

    private BookingResult book(long client, Long partner, long type) {
        ZonedDateTime start = waiting.amiraOnline(1, 50).getFirst().start();
        return data.as("admin", () -> scheduling.book(new BookingRequest(client, partner, data.idOf("amira"), type,
                SessionFormat.ONLINE, null, start, null)));
    }

    private void assertLeftTheList(long intakeId) {
        assertThat(status(intakeId)).isEqualTo("REFERRED");
        assertThat(careEvents(intakeId)).endsWith("LEFT_WAITING_LIST");
        assertThat(data.audit(intakeId)).anySatisfy(row -> {
            assertThat(row.get("action")).isEqualTo("LEFT_WAITING_LIST");
            assertThat(row.get("detail")).isEqualTo(LoneWaitingPartner.AUDIT_DETAIL);
        });
        assertThat(store.entryOf(intakeId).filter(app.thaw.waitlist.domain.WaitlistRows.Entry::waiting)).isEmpty();
    }

    private String status(long intakeId) {
        return jdbc.queryForObject("select status from intake where id = ?", String.class, intakeId);
    }

    private java.util.List<String> careEvents(long intakeId) {
        return jdbc.queryForList("select kind from care_event where intake_id = ? order by id", String.class, intakeId);
    }

    /** Whom a "case needs your attention" email went to about this client's lost place. */
    private java.util.List<Long> askedToOpen(long intakeId) {
        return jdbc.queryForList("select cast(split_part(idempotency_key, '/', 3) as bigint) from outbox_message "
                + "where kind = 'CASE_ATTENTION' and idempotency_key like ?", Long.class,
                "attention/waiting-place-%-" + intakeId + "/%");
    }
}
