package app.thaw.review;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.security.StaffCommitments;

/** The cases a therapist holds (not ended or closed) must go to a colleague or the shared queue before they leave. */
@Component
@Order(2) // after the diary's turn, the order a booking that gives its therapist the case takes the two turns in
@Transactional(readOnly = true)
class CaseCommitments implements StaffCommitments {

    private final HeldCases held;

    CaseCommitments(HeldCases held) {
        this.held = held;
    }

    @Override
    public List<String> outstanding(long staffId) {
        // an assignment in flight is counted; one after waits, then is refused by the database (V183) once they are gone
        held.takeTurn(staffId);
        int open = held.openCases(staffId).size();
        return open == 0 ? List.of() : List.of(open + (open == 1 ? " case" : " cases") + " in their hands");
    }
}
