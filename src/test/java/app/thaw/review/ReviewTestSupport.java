package app.thaw.review;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.PdfText;
import app.thaw.base.events.EventResubmission;
import app.thaw.intake.IntakeService;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.scheduling.SchedulingService;
import app.thaw.security.StaffAccountService;

/** The services the review integration tests drive, their test data, and the helpers several of them share. */
abstract class ReviewTestSupport {

    @Autowired
    CareActions care;
    @Autowired
    SchedulingService scheduling;
    @Autowired
    ReviewQueueService reviewQueue;
    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseOpeningService caseOpening;
    @Autowired
    FactorService factorService;
    @Autowired
    CaseAssignments assignments;
    @Autowired
    ReferralService referrals;
    @Autowired
    LetterService letterService;
    @Autowired
    EventResubmission resubmission;
    @Autowired
    IntakeService intake;
    @Autowired
    StaffAccountService staff;
    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
    }

    static Answers urgent(Answers answers) {
        return answers.with("safety.safe_now", "no");
    }

    static QueueFilter anyStatus(String search) {
        return new QueueFilter(Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ANYONE, null, null,
                search);
    }

    List<String> refs(QueueFilter filter) {
        return reviewQueue.queue(filter, QueueSort.DEFAULT, null, 200).stream().map(QueueRow::reference).toList();
    }
}
