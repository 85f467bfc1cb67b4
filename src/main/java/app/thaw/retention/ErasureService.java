package app.thaw.retention;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.CaseReference;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;

/**
 * Erasure on a client's request (UK GDPR art. 17): the practice manager names the client by case reference and
 * gives a reason. Idempotent; refused while a legal hold is set.
 */
@Service
public class ErasureService {

    /** Matches client_erasure.reason and legal_hold.reason. */
    public static final int REASON_MAX = 500;

    private final ClientEraser eraser;
    private final LegalHolds holds;
    private final CaseAccess access;
    private final StaffAccountService staff;
    private final CurrentUser currentUser;

    ErasureService(ClientEraser eraser, LegalHolds holds, CaseAccess access, StaffAccountService staff,
                   CurrentUser currentUser) {
        this.eraser = eraser;
        this.holds = holds;
        this.access = access;
        this.staff = staff;
        this.currentUser = currentUser;
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.ERASE)
    public ErasureResult erase(CaseReference reference, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            return new ErasureResult(ErasureResult.Outcome.REASON_MISSING,
                    "Please say why this client is erased (up to " + REASON_MAX + " characters).");
        }
        if (!app.thaw.base.domain.StorableText.isStorable(why)) {
            return new ErasureResult(ErasureResult.Outcome.REASON_MISSING, app.thaw.base.domain.StorableText.REFUSAL);
        }
        Optional<CaseGrant> grant = access.find(reference.value(), CaseOperation.ERASE);
        if (grant.isEmpty()) {
            return new ErasureResult(ErasureResult.Outcome.NOT_FOUND, "There is no client with that reference.");
        }
        return eraser.erase(grant.get(), why, ClientEraser.Source.REQUEST, currentUser.require().id());
    }

    /** Whether the client exists, is erased already, or is held; empty when the reference is unknown. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public Optional<ClientPrivacyStatus> status(CaseReference reference) {
        return access.find(reference.value(), CaseOperation.MANAGE_PRIVACY).map(grant -> {
            var erasedAt = eraser.erasedAt(grant.intakeId());
            return new ClientPrivacyStatus(grant.reference(), erasedAt == null ? null : erasedAt.toInstant(),
                    holds.current(grant.intakeId(), grant.reference(), staff.displayNames()).orElse(null));
        });
    }
}
