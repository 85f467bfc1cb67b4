package app.thaw.outcomes;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.care.CareRecords;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.outcomes.domain.MeasureStore;

/**
 * Which measures a case is asked: what its therapist chose, otherwise what its referral implies (couples or both:
 * each partner's own measures, the relationship and safety; individual: the symptom measures and the feelings repeat).
 */
@Component
class MeasurePlans {

    private final MeasureStore store;
    private final CareRecords care;

    MeasurePlans(MeasureStore store, CareRecords care) {
        this.store = store;
        this.care = care;
    }

    Map<Long, Set<Measure>> planned(Collection<CaseGrant> grants) {
        Map<Long, Set<Measure>> planned = new HashMap<>();
        Map<Long, MeasureStore.Plan> chosen = store.plans(grants.stream().map(CaseGrant::intakeId).toList());
        List<CaseGrant> rest = grants.stream().filter(g -> !chosen.containsKey(g.intakeId())).toList();
        Map<Long, String> referrals = rest.isEmpty() ? Map.of() : care.referralKinds(rest);
        for (CaseGrant grant : grants) {
            MeasureStore.Plan plan = chosen.get(grant.intakeId());
            planned.put(grant.intakeId(), plan != null ? Measure.parse(plan.measures())
                    : byReferral(referrals.get(grant.intakeId()), grant.facts().coupleCaseId() != null));
        }
        return planned;
    }

    Set<Measure> planned(CaseGrant grant) {
        return Objects.requireNonNull(planned(List.of(grant)).get(grant.intakeId()), "planned for every grant");
    }

    boolean clientProgress(CaseGrant grant) {
        return store.plan(grant.intakeId()).map(MeasureStore.Plan::clientProgress).orElse(true);
    }

    static Set<Measure> byReferral(@Nullable String referralKind, boolean couple) {
        if ("COUPLES".equals(referralKind) || "BOTH".equals(referralKind)) {
            return EnumSet.copyOf(Measure.COUPLES);
        }
        if ("INDIVIDUAL".equals(referralKind)) {
            return EnumSet.copyOf(Measure.INDIVIDUAL);
        }
        return EnumSet.copyOf(couple ? Measure.COUPLES : Measure.INDIVIDUAL);
    }
}
