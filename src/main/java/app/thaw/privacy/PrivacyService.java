package app.thaw.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseOperation;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.intake.ClientIdentity;
import app.thaw.intake.ClientRecords;
import app.thaw.security.Roles;

/**
 * Clients' privacy requests, handled by the practice manager as a data-protection task: find the client,
 * see who they are and what they consented to, and produce their subject access export. The manager never
 * sees clinical content on screen; the export files are downloaded, and every export is audited.
 */
@Service
@Transactional
public class PrivacyService {

    private final ClientRecords clients;
    private final SubjectAccessAssembler assembler;
    private final SubjectAccessJson json;
    private final AuditLog auditLog;
    private final CaseAccess access;
    private final Clock clock;

    PrivacyService(ClientRecords clients, SubjectAccessAssembler assembler, SubjectAccessJson json,
                   AuditLog auditLog, CaseAccess access, Clock clock) {
        this.access = access;
        this.clients = clients;
        this.assembler = assembler;
        this.json = json;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** By reference or email address, newest form first; identity, consent and couple link only. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public List<ClientIdentity> findClients(String referenceOrEmail) {
        return clients.find(referenceOrEmail);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public Optional<ClientIdentity> client(long intakeId) {
        return access.check(intakeId, CaseOperation.MANAGE_PRIVACY).map(clients::identity);
    }

    /** The machine-readable export (JSON, format {@value SubjectAccessExport#FORMAT}). */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public ExportFile exportJson(long intakeId) {
        SubjectAccessExport export = export(intakeId, "JSON file");
        return new ExportFile(fileName(export, "json"), "application/json", json.write(export));
    }

    /** The same content as a readable PDF. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public ExportFile exportPdf(long intakeId) {
        SubjectAccessExport export = export(intakeId, "PDF file");
        return new ExportFile(fileName(export, "pdf"), "application/pdf", SubjectAccessPdf.render(export));
    }

    private SubjectAccessExport export(long intakeId, String what) {
        CaseGrant grant = access.require(intakeId, CaseOperation.MANAGE_PRIVACY);
        ClientIdentity identity = clients.identity(grant);
        SubjectAccessExport export = assembler.assemble(grant, identity);
        // after assembling, so the export lists every earlier reading but not itself
        auditLog.record(AuditAction.SUBJECT_ACCESS_EXPORTED, intakeId, identity.reference(), what);
        return export;
    }

    private String fileName(SubjectAccessExport export, String extension) {
        return "thaw-subject-access-" + export.client().reference() + "-"
                + LocalDate.ofInstant(clock.instant(), Application.PRACTICE_ZONE) + "." + extension;
    }
}
