package app.thaw.fhir;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;

import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.PracticeProfile;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.fhir.mapping.FhirIds;
import app.thaw.fhir.mapping.TransferDocument;
import app.thaw.security.Roles;

/**
 * Reads of the FHIR API, for other clinical systems holding a token. The token's scopes decide the resource types
 * (a missing scope is refused with 403 and audited); the case-access policy decides the case (a case the client may
 * not read is "not known", like one that does not exist); every case read is audited like a therapist opening it.
 */
@Service
@Transactional
public class FhirReads {

    private final CaseAccess access;
    private final CaseResourceLists lists;
    private final ClientCases cases;
    private final TransferDocument documents;
    private final FhirQuestionnaires questionnaires;
    private final PracticeProfile practice;
    private final AuditLog auditLog;
    private final ScopeCheck scopes;
    private final Clock clock;

    FhirReads(CaseAccess access, CaseResourceLists lists, ClientCases cases, TransferDocument documents,
              FhirQuestionnaires questionnaires, PracticeProfile practice, AuditLog auditLog, ScopeCheck scopes,
              Clock clock) {
        this.scopes = scopes;
        this.access = access;
        this.lists = lists;
        this.cases = cases;
        this.documents = documents;
        this.questionnaires = questionnaires;
        this.practice = practice;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * {@code GET [base]/{type}/{reference}}: one resource. Case resources carry the case reference at the start of
     * their id; a Bundle is the whole case as a transfer-of-care document.
     *
     * @param base the FHIR base URL the caller used, for the document's full URLs
     */
    @RolesAllowed(Roles.API_CLIENT)
    @ActsOnCase(CaseOperation.READ_VIA_API)
    public Resource read(String type, String reference, String base) {
        if (!ApiScopes.TYPES.contains(type)) {
            throw FhirRequestRefused.notFound(type, reference);
        }
        scopes.require(type, "read " + type + "/" + reference, reference);
        if (type.equals("Questionnaire")) {
            return questionnaires.byId(reference).orElseThrow(() -> FhirRequestRefused.notFound(type, reference));
        }
        FhirIds.CaseId id = FhirIds.parse(reference).orElseThrow(() -> FhirRequestRefused.notFound(type, reference));
        CaseGrant grant = access.find(id.reference(), CaseOperation.READ_VIA_API).orElseThrow(CaseNotFound::new);
        Resource found;
        if (type.equals("Bundle") || type.equals("Patient")) {
            if (!id.local().isEmpty()) {
                throw FhirRequestRefused.notFound(type, reference);
            }
            found = type.equals("Bundle")
                    ? documents.build(cases.whole(grant), practice, base, clock.instant())
                    : lists.of(grant, type).getFirst();
        } else {
            found = lists.of(grant, type).stream()
                    .filter(resource -> resource.getIdElement().getIdPart().equalsIgnoreCase(reference.strip()))
                    .findFirst().orElseThrow(() -> FhirRequestRefused.notFound(type, reference));
        }
        auditLog.record(AuditAction.FHIR_READ, grant.intakeId(), grant.reference(),
                type + "/" + found.getIdElement().getIdPart());
        return found;
    }
}
