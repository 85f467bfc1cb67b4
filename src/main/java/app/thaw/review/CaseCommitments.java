package app.thaw.review;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.security.StaffCommitments;

/** The cases a therapist holds (not ended or closed) must go to a colleague or the shared queue before they leave. */
@Component
@Transactional(readOnly = true)
class CaseCommitments implements StaffCommitments {

    private final HeldCases held;

    CaseCommitments(HeldCases held) {
        this.held = held;
    }

    @Override
    public List<String> outstanding(long staffId) {
        int open = held.openCases(staffId).size();
        return open == 0 ? List.of() : List.of(open + (open == 1 ? " case" : " cases") + " in their hands");
    }
}
