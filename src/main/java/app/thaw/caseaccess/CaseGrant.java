package app.thaw.caseaccess;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Proof that the policy allowed one operation on one client's case to the person asking. Only {@link CaseAccess}
 * makes grants, so a service that takes a grant instead of an identifier cannot be reached around the policy.
 */
public final class CaseGrant {

    private final CaseFacts facts;
    private final CaseOperation operation;
    private final CaseRelation relation;
    private final @Nullable Long staffId;
    /** Every relation the staff member had to the case when it was granted: a further part asks no second time. */
    private final Set<CaseRelation> known;

    CaseGrant(CaseFacts facts, CaseOperation operation, CaseRelation relation, @Nullable Long staffId,
              Set<CaseRelation> known) {
        this.facts = facts;
        this.operation = operation;
        this.relation = relation;
        this.staffId = staffId;
        this.known = Set.copyOf(known);
    }

    Set<CaseRelation> known() {
        return known;
    }

    public long intakeId() {
        return facts.intakeId();
    }

    public String reference() {
        return facts.reference();
    }

    public CaseFacts facts() {
        return facts;
    }

    public CaseOperation operation() {
        return operation;
    }

    public CaseRelation relation() {
        return relation;
    }

    /** The staff member it was granted to; null for the practice's background work. */
    public @Nullable Long staffId() {
        return staffId;
    }

    /** A service that needs a particular operation refuses a grant made for another (say, booking details only). */
    public CaseGrant requireFor(CaseOperation... accepted) {
        for (CaseOperation candidate : accepted) {
            if (candidate == operation) {
                return this;
            }
        }
        throw new IllegalArgumentException("A grant for " + operation + " does not allow this");
    }

    @Override
    public String toString() {
        return "CaseGrant[" + facts.reference() + ", " + operation + ", " + relation + "]";
    }
}
