package app.thaw.fhir;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.fhir.mapping.ThawFhir;
import app.thaw.intake.SubmittedIntakes;
import app.thaw.security.Roles;

/**
 * Searches of the FHIR API: by patient (a case reference) for every case resource type, and across the practice by
 * questionnaire and date for QuestionnaireResponses, a page at a time. Each case a result comes from is read through
 * the policy and audited; a missing scope is refused (403, audited) before anything is looked at.
 */
@Service
@Transactional
public class FhirSearches {

    /** One page of matches and the cursor of the next page (null on the last). */
    public record Page(List<Resource> matches, @Nullable Long next) {
    }

    private final CaseAccess access;
    private final CaseResourceLists lists;
    private final ScopeCheck scopes;
    private final FhirQuestionnaires questionnaires;
    private final SubmittedIntakes intakes;
    private final AuditLog auditLog;

    FhirSearches(CaseAccess access, CaseResourceLists lists, ScopeCheck scopes, FhirQuestionnaires questionnaires,
                 SubmittedIntakes intakes, AuditLog auditLog) {
        this.access = access;
        this.lists = lists;
        this.scopes = scopes;
        this.questionnaires = questionnaires;
        this.intakes = intakes;
        this.auditLog = auditLog;
    }

    @RolesAllowed(Roles.API_CLIENT)
    @ActsOnCase(CaseOperation.READ_VIA_API)
    public Page search(FhirSearch search) {
        String type = search.type();
        if (!ApiScopes.TYPES.contains(type) || type.equals("Bundle")) {
            throw FhirRequestRefused.invalid("This server does not search " + type + ".");
        }
        scopes.require(type, "search " + type, search.reference());
        if (type.equals("Questionnaire")) {
            return new Page(new ArrayList<>(questionnaires.search(search.questionnaire())), null);
        }
        if (search.reference() == null) {
            if (!type.equals("QuestionnaireResponse")) {
                throw FhirRequestRefused.invalid("Searching " + type + " needs a patient: ?patient=Patient/THW-…");
            }
            return acrossCases(search);
        }
        List<Resource> matches = access.find(search.reference(), CaseOperation.READ_VIA_API)
                .map(grant -> inCase(grant, search)).orElse(List.of());
        return new Page(matches, null);
    }

    private List<Resource> inCase(CaseGrant grant, FhirSearch search) {
        List<Resource> matches = lists.of(grant, search.type()).stream()
                .filter(resource -> search.type().equals("Patient")
                        || search.dates().contains(CaseResourceLists.dateOf(resource)))
                .filter(resource -> matchesQuestionnaire(resource, search.questionnaire()))
                .filter(resource -> matchesCode(resource, search.code()))
                .limit(search.count())
                .toList();
        if (!matches.isEmpty()) {
            auditLog.record(AuditAction.FHIR_READ, grant.intakeId(), grant.reference(),
                    "Search " + search.type() + ": " + matches.size() + " found");
        }
        return matches;
    }

    private Page acrossCases(FhirSearch search) {
        String questionnaireId = null;
        Integer version = null;
        String canonical = search.questionnaire();
        if (canonical != null) {
            String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
            if (!url.startsWith(ThawFhir.QUESTIONNAIRE)) {
                return new Page(List.of(), null);
            }
            questionnaireId = url.substring(ThawFhir.QUESTIONNAIRE.length());
            if (canonical.contains("|")) {
                try {
                    version = Integer.valueOf(canonical.substring(canonical.indexOf('|') + 1));
                } catch (NumberFormatException e) {
                    return new Page(List.of(), null);
                }
            }
        }
        List<Long> ids = intakes.submittedIds(questionnaireId, version, search.dates().from(), search.dates().until(),
                search.after() == null ? 0 : search.after(), search.count());
        List<Resource> matches = new ArrayList<>();
        for (CaseGrant grant : access.checkAll(ids, CaseOperation.READ_VIA_API)) {
            matches.addAll(inCase(grant, search));
        }
        return new Page(matches, ids.size() < search.count() ? null : ids.getLast());
    }

    private static boolean matchesQuestionnaire(Resource resource, @Nullable String canonical) {
        if (canonical == null || !(resource instanceof QuestionnaireResponse response)) {
            return true;
        }
        return canonical.contains("|") ? response.getQuestionnaire().equals(canonical)
                : response.getQuestionnaire().startsWith(canonical + "|");
    }

    private static boolean matchesCode(Resource resource, @Nullable String code) {
        if (code == null || !(resource instanceof Observation observation)) {
            return true;
        }
        String system = code.contains("|") ? code.substring(0, code.indexOf('|')) : null;
        String value = code.contains("|") ? code.substring(code.indexOf('|') + 1) : code;
        for (Coding coding : observation.getCode().getCoding()) {
            if (coding.getCode().equals(value) && (system == null || system.equals(coding.getSystem()))) {
                return true;
            }
        }
        return false;
    }
}
