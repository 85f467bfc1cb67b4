package app.thaw.review;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseFacts;
import app.thaw.caseaccess.GateRefusal;
import app.thaw.caseaccess.SafetyGate;

/** No session of any kind for a client whose urgent risk answers no therapist has reviewed yet. */
@Component
@Order(1)
class RiskReviewedGate implements SafetyGate {

    private final JdbcTemplate jdbc;

    RiskReviewedGate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<GateRefusal> check(List<CaseFacts> clients, boolean joint, boolean forTherapist) {
        for (CaseFacts client : clients) {
            if (client.urgent() && !reviewed(client.intakeId())) {
                String reference = client.reference();
                String first = reference + "'s answers raised an urgent risk that no therapist has reviewed yet.";
                return Optional.of(forTherapist
                        ? new GateRefusal(first + " Review the risk before booking any session.",
                                CaseLinks.risk(reference), "Review the risk in " + reference)
                        : new GateRefusal(first + " A therapist must review it before any session is booked; the "
                                + "case is at the top of the therapists' queue.", CaseLinks.queueRow(reference),
                                "See " + reference + " in the queue"));
            }
        }
        return Optional.empty();
    }

    /** Whether a therapist has recorded their review of this intake's risk: the case view asks it of a partner too. */
    boolean reviewed(long intakeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from review_case where intake_id = ? and risk_acknowledged_at is not null)""",
                Boolean.class, intakeId));
    }
}
