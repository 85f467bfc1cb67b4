package app.thaw.privacy;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientIdentity;
import app.thaw.intake.ClientRecords;
import app.thaw.security.Roles;

/**
 * Clients' privacy requests, handled by the practice manager as a data-protection task: find the client and see who
 * they are and what they consented to. Subject access requests themselves are {@link SubjectAccessRequests}; the
 * manager never sees clinical content on screen.
 */
@Service
@Transactional(readOnly = true)
public class PrivacyService {

    private final ClientRecords clients;
    private final CaseAccess access;

    PrivacyService(ClientRecords clients, CaseAccess access) {
        this.clients = clients;
        this.access = access;
    }

    /** By reference or email address, newest form first; identity, consent and couple link only. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public List<ClientIdentity> findClients(String referenceOrEmail) {
        return clients.find(referenceOrEmail);
    }

    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public Optional<ClientIdentity> client(long intakeId) {
        return access.check(intakeId, CaseOperation.MANAGE_PRIVACY).map(clients::identity);
    }
}
