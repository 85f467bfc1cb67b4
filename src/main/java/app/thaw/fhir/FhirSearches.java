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

    /**
     * One page of matches, the cursor of the next page (null on the last) and how many match in all, where that is
     * known without reading every case (a patient's search, Questionnaires).
     */
    public record Page(List<Resource> matches, @Nullable Long next, @Nullable Integer total) {
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
            List<Resource> found = new ArrayList<>(questionnaires.search(search.questionnaire()));
            return new Page(found, null, found.size());
        }
        if (search.reference() == null) {
            if (!type.equals("QuestionnaireResponse")) {
                throw FhirRequestRefused.invalid("Searching " + type + " needs a patient: ?patient=Patient/THW-…");
            }
            return acrossCases(search);
        }
        return access.find(search.reference(), CaseOperation.READ_VIA_API)
                .map(grant -> inOneCase(grant, search)).orElse(new Page(List.of(), null, 0));
    }

    /** Pages by position among the case's matches, read afresh through the grant for every page. */
    private Page inOneCase(CaseGrant grant, FhirSearch search) {
        List<Resource> all = matching(grant, search);
        int skip = search.after() == null ? 0 : Math.clamp(search.after(), 0, all.size());
        int end = Math.min(all.size(), skip + search.count());
        List<Resource> page = List.copyOf(all.subList(skip, end));
        audit(grant, search, page);
        return new Page(page, end < all.size() ? Long.valueOf(end) : null, all.size());
    }

    private List<Resource> inCase(CaseGrant grant, FhirSearch search) {
        List<Resource> matches = matching(grant, search).stream().limit(search.count()).toList();
        audit(grant, search, matches);
        return matches;
    }

    private List<Resource> matching(CaseGrant grant, FhirSearch search) {
        return lists.of(grant, search.type()).stream()
                .filter(resource -> search.type().equals("Patient")
                        || search.dates().contains(CaseResourceLists.dateOf(resource)))
                .filter(resource -> matchesQuestionnaire(resource, search.questionnaire()))
                .filter(resource -> matchesCode(resource, search.code()))
                .toList();
    }

    private void audit(CaseGrant grant, FhirSearch search, List<Resource> matches) {
        if (!matches.isEmpty()) {
            auditLog.record(AuditAction.FHIR_READ, grant.intakeId(), grant.reference(),
                    "Search " + search.type() + ": " + matches.size() + " found");
        }
    }

    private Page acrossCases(FhirSearch search) {
        String questionnaireId = null;
        Integer version = null;
        String canonical = search.questionnaire();
        if (canonical != null) {
            String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
            if (!url.startsWith(ThawFhir.QUESTIONNAIRE)) {
                return new Page(List.of(), null, 0);
            }
            questionnaireId = url.substring(ThawFhir.QUESTIONNAIRE.length());
            if (canonical.contains("|")) {
                try {
                    version = Integer.valueOf(canonical.substring(canonical.indexOf('|') + 1));
                } catch (NumberFormatException e) {
                    return new Page(List.of(), null, 0);
                }
            }
        }
        List<Long> ids = intakes.submittedIds(questionnaireId, version, search.dates().from(), search.dates().until(),
                search.after() == null ? 0 : search.after(), search.count());
        List<Resource> matches = new ArrayList<>();
        for (CaseGrant grant : access.checkAll(ids, CaseOperation.READ_VIA_API)) {
            matches.addAll(inCase(grant, search));
        }
        return new Page(matches, ids.size() < search.count() ? null : ids.getLast(), null);
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
