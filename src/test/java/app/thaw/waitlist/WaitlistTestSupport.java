package app.thaw.waitlist;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.review.CareActions;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReferralService;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.security.StaffAccountService;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistStore;

/** The services the waiting-list integration tests drive, their test data, and the queries several of them share. */
abstract class WaitlistTestSupport {

    @Autowired
    IntakeService intake;
    @Autowired
    ClientStatusService clientStatus;
    @Autowired
    StaffAccountService staff;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    ReferralService referrals;
    @Autowired
    CareActions care;
    @Autowired
    WaitlistService waitlist;
    @Autowired
    BackfillSettings backfill;
    @Autowired
    OfferService offers;
    @Autowired
    OfferExpiryJob expiry;
    @Autowired
    ClientOfferService clients;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    SessionChanges changes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OfferStore offerStore;
    @Autowired
    WaitlistStore store;
    @Autowired
    FreedTimeOffers freed;
    @Autowired
    TransactionTemplate transactions;

    ReviewTestData data;
    WaitlistTestData waiting;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
        waiting = new WaitlistTestData(data, caseOpening, referrals, care, jdbc);
    }

    int sessionsOf(long intakeId) {
        return jdbc.queryForObject("select count(*) from appointment where (intake_id = ? or partner_intake_id = ?) "
                + "and state <> 'CANCELLED'", Integer.class, intakeId, intakeId);
    }

    /** Until {@code waiters} connections wait for a lock: a second path has queued behind the first. */
    void awaitWaiting(int waiters) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Long waiting = jdbc.queryForObject("select count(distinct pid) from pg_locks where not granted",
                    Long.class);
            if (waiting != null && waiting >= waiters) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(waiters + " connections never waited for a lock");
    }

    long individualType() {
        return jdbc.queryForObject("select id from appointment_type where code = 'INDIVIDUAL'", Long.class);
    }
}
