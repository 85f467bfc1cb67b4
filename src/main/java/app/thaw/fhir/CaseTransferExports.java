package app.thaw.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import ca.uhn.fhir.context.FhirContext;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.IntakeId;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.PracticeProfile;
import app.thaw.base.web.PublicUrl;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.fhir.mapping.TransferDocument;
import app.thaw.review.CaseTransferExport;
import app.thaw.security.Roles;

/**
 * The case view's "Download for transfer of care": the client's case as a FHIR document (JSON), for the therapists
 * who may read the case. Only this client's records: in a couple's case the partner's answers are never read.
 */
@Service
@Transactional
public class CaseTransferExports implements CaseTransferExport {

    private final CaseAccess access;
    private final ClientCases cases;
    private final TransferDocument documents;
    private final PracticeProfile practice;
    private final FhirSettings settings;
    private final PublicUrl publicUrl;
    private final FhirContext fhir;
    private final AuditLog auditLog;
    private final Clock clock;

    CaseTransferExports(CaseAccess access, ClientCases cases, TransferDocument documents, PracticeProfile practice,
                        FhirSettings settings, PublicUrl publicUrl, FhirContext fhir, AuditLog auditLog,
                        Clock clock) {
        this.publicUrl = publicUrl;
        this.access = access;
        this.cases = cases;
        this.documents = documents;
        this.practice = practice;
        this.settings = settings;
        this.fhir = fhir;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.READ_CLINICAL)
    public CaseTransferExport.File download(IntakeId intakeId) {
        CaseGrant grant = access.require(intakeId, CaseOperation.READ_CLINICAL);
        var bundle = documents.build(cases.whole(grant), practice, settings.baseUrlOr(publicUrl), clock.instant());
        byte[] json = fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle)
                .getBytes(StandardCharsets.UTF_8);
        auditLog.record(AuditAction.FHIR_EXPORTED, intakeId.value(), grant.reference(),
                "Transfer-of-care document (FHIR)");
        return new CaseTransferExport.File("thaw-transfer-" + grant.reference() + "-"
                + LocalDate.ofInstant(clock.instant(), Application.PRACTICE_ZONE) + ".fhir.json",
                "application/fhir+json", json);
    }

    @Override
    @RolesAllowed(Roles.THERAPIST)
    public String label() {
        return "Download for transfer of care (FHIR)";
    }
}
