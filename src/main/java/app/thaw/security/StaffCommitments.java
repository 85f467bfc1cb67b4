package app.thaw.security;

import java.util.List;

/**
 * What a staff member still has in hand that someone must take over before they are deactivated (sessions to come,
 * cases they hold). The diary and the review feature implement it; deactivation is refused while any is left, so no
 * client is left booked with, or held by, someone who can no longer sign in.
 */
public interface StaffCommitments {

    /**
     * Short descriptions ("3 sessions to come"), nothing clinical; empty when nothing is left. Asked inside the
     * deactivation's transaction: an implementation may hold off new commitments until it ends, so the answer stays
     * true until the account is deactivated (the diary and the caseload do: ADR 25, 26). Asked in {@code @Order}, the
     * order in which a booking takes those turns, so the two never wait for each other.
     */
    List<String> outstanding(long staffId);
}
