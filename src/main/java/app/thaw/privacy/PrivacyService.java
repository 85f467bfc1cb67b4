package app.thaw.privacy;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientIdentity;
import app.thaw.intake.ClientRecords;
import app.thaw.retention.ClientPrivacyStatus;
import app.thaw.retention.ErasureResult;
import app.thaw.retention.ErasureService;
import app.thaw.retention.LegalHold;
import app.thaw.retention.LegalHoldResult;
import app.thaw.retention.LegalHoldService;
import app.thaw.security.Roles;

/**
 * Clients' privacy requests, handled by the practice manager as a data-protection task: find the client and see who
 * they are and what they consented to, erase them on request or keep them under a legal hold (retention does the
 * work and applies the policy). Subject access requests themselves are {@link SubjectAccessRequests}; the manager
 * never sees clinical content on screen.
 */
@Service
@Transactional(readOnly = true)
public class PrivacyService {

    /** The longest reason for an erasure or a legal hold (retention keeps the limit). */
    public static final int REASON_MAX = ErasureService.REASON_MAX;

    private final ClientRecords clients;
    private final CaseAccess access;
    private final ErasureService erasure;
    private final LegalHoldService holds;

    PrivacyService(ClientRecords clients, CaseAccess access, ErasureService erasure, LegalHoldService holds) {
        this.clients = clients;
        this.access = access;
        this.erasure = erasure;
        this.holds = holds;
    }

    /** By reference or email address, newest form first; identity, consent and couple link only. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public List<ClientIdentity> findClients(String referenceOrEmail) {
        return clients.find(referenceOrEmail);
    }

    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public Optional<ClientIdentity> client(IntakeId intakeId) {
        return access.check(intakeId, CaseOperation.MANAGE_PRIVACY).map(clients::identity);
    }

    /** Whether the client can be erased now (a legal hold stops it), and whether they already were. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public Optional<ClientPrivacyStatus> erasureStatus(CaseReference reference) {
        return erasure.status(reference);
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.ERASE)
    public ErasureResult erase(CaseReference reference, String reason) {
        return erasure.erase(reference, reason);
    }

    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public Optional<LegalHold> legalHold(CaseReference reference) {
        return holds.current(reference);
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public LegalHoldResult placeLegalHold(CaseReference reference, String reason) {
        return holds.set(reference, reason);
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public LegalHoldResult liftLegalHold(CaseReference reference, String reason) {
        return holds.clear(reference, reason);
    }
}
