package app.thaw.caseaccess;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the intake feature knows of one client's case that the policy and the safety gates need: who it is, the
 * couple it belongs to, whether the answers raised an urgent risk or a fear of the partner, and whether it is closed.
 * Nothing clinical.
 *
 * @param partners     the other partner's intake of the couple case, if they have sent it
 * @param fearInCouple either partner said they are afraid of the other (joint work needs a clinical decision)
 * @param closed       the case is closed (a returning client's case is reopened, back in review, before any booking)
 */
public record CaseFacts(long intakeId, String reference, @Nullable Long coupleCaseId, List<Partner> partners,
                        boolean urgent, boolean fearInCouple, boolean closed) {

    /** The other partner's intake: identifiers only, the policy decides who may see more. */
    public record Partner(long intakeId, String reference) {
    }

    public CaseFacts {
        partners = List.copyOf(partners);
    }

    public List<Long> partnerIntakeIds() {
        return partners.stream().map(Partner::intakeId).toList();
    }

    /** This intake and its partner's: a couple's case is one piece of work. */
    public List<Long> coupleIntakeIds() {
        var ids = new ArrayList<Long>();
        ids.add(intakeId);
        ids.addAll(partnerIntakeIds());
        return ids;
    }

    /** The reference of this intake or of its partner's. */
    public @Nullable String referenceOf(long id) {
        if (id == intakeId) {
            return reference;
        }
        return partners.stream().filter(p -> p.intakeId() == id).map(Partner::reference).findFirst().orElse(null);
    }
}
