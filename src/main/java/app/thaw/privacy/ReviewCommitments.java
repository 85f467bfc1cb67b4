package app.thaw.privacy;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.database.Turns;
import app.thaw.security.StaffCommitments;

/** A clinician with subject access reviews to do is not deactivated until each has another reviewer. */
@Component
@Order(3) // after the diary's and the caseload's turns, the order every other path takes them in
@Transactional(readOnly = true)
class ReviewCommitments implements StaffCommitments {

    private final AccessRequestDesk desk;
    private final JdbcTemplate jdbc;

    ReviewCommitments(AccessRequestDesk desk, JdbcTemplate jdbc) {
        this.desk = desk;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> outstanding(long staffId) {
        // a reviewer change in flight is counted; one after waits, then is refused by the database (V185)
        Turns.takeAlone(jdbc, Turns.CASELOAD, staffId);
        int toDo = desk.requests().findByReviewerIdAndStatusOrderByReceivedOnAscIdAsc(staffId,
                AccessRequestStatus.AWAITING_REVIEW).size();
        return toDo == 0 ? List.of() : List.of(toDo + (toDo == 1 ? " subject access review" : " subject access reviews"));
    }
}
