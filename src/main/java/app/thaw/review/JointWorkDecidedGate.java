package app.thaw.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.caseaccess.CaseFacts;
import app.thaw.caseaccess.GateRefusal;
import app.thaw.caseaccess.SafetyGate;

/**
 * No joint session while either partner has said they are afraid of the other, unless a therapist has recorded the
 * clinical decision for joint work in the couple's current referral (couples work is unsafe where there is abuse).
 */
@Component
@Order(2)
class JointWorkDecidedGate implements SafetyGate {

    private static final String[] JOINT_KINDS = Arrays.stream(ReferralKind.values())
            .filter(ReferralKind::involvesPartner).map(Enum::name).toArray(String[]::new);

    private final JdbcTemplate jdbc;

    JointWorkDecidedGate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<GateRefusal> check(List<CaseFacts> clients, boolean joint, boolean forTherapist) {
        if (!joint || clients.stream().noneMatch(CaseFacts::fearInCouple)) {
            return Optional.empty();
        }
        List<Long> couple = new ArrayList<>();
        clients.forEach(client -> client.coupleIntakeIds().stream().filter(id -> !couple.contains(id))
                .forEach(couple::add));
        if (decided(couple)) {
            return Optional.empty();
        }
        String reference = clients.getFirst().reference();
        String first = "One partner said in their own form that they are afraid of the other. A joint session needs "
                + "a therapist's recorded clinical decision on joint work first.";
        return Optional.of(forTherapist
                ? new GateRefusal(first + " Record it with the couple's referral.", CaseLinks.referral(reference),
                        "Record the decision in " + reference)
                : new GateRefusal(first + " Ask the couple's therapist to record it; individual sessions can still "
                        + "be booked.", CaseLinks.queueRow(reference), "See " + reference + " in the queue"));
    }

    /** The latest referral of either partner chose joint work and recorded the decision in words. */
    private boolean decided(List<Long> coupleIntakeIds) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (
                    select 1 from (select distinct on (intake_id) kind, partner_fear_decision
                                     from referral where intake_id = any(?)
                                    order by intake_id, decided_at desc, id desc) latest
                     where latest.partner_fear_decision is not null and latest.kind = any(?))""",
                Boolean.class, coupleIntakeIds.toArray(Long[]::new), JOINT_KINDS));
    }
}
