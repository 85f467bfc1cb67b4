package app.thaw.fhir;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.fhir.mapping.FhirIds;

/** Refuses (403, audited) a resource type the client's token has no scope for, before any case is looked at. */
@Component
class ScopeCheck {

    private final AuditLog auditLog;

    ScopeCheck(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** @param what the request in words for the audit line, e.g. "read QuestionnaireResponse/THW-…-intake" */
    void require(String type, String what, @Nullable String reference) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<String> granted = authentication == null ? Set.of() : ApiScopes.granted(authentication);
        if (ApiScopes.allows(granted, type)) {
            return;
        }
        String named = reference == null ? null : FhirIds.parse(reference).map(FhirIds.CaseId::reference).orElse(null);
        auditLog.recordDeniedAccess(AuditAction.FHIR_REFUSED, null, named,
                "Scope " + ApiScopes.of(type) + " not granted: " + what);
        throw new FhirRequestRefused(FhirRequestRefused.Reason.FORBIDDEN,
                "This client's token does not have the scope " + ApiScopes.of(type) + ".");
    }
}
