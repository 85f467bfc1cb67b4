package app.thaw.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.review.domain.ReferralRepository;
import app.thaw.review.domain.ReviewCaseRepository;
import app.thaw.review.factors.FactorTag;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * One intake's review records for a subject access export, read by the practice manager who produces it
 * (downloaded, never shown on screen); the caller audits every use. Unlike the case view, every factor
 * decision is listed, not only the latest.
 */
@Service
@Transactional(readOnly = true)
public class CaseRecords {

    private final ReviewCaseRepository cases;
    private final ReviewRecords records;
    private final ReferralRepository referrals;
    private final StaffAccountService staff;

    CaseRecords(ReviewCaseRepository cases, ReviewRecords records, ReferralRepository referrals,
                StaffAccountService staff) {
        this.cases = cases;
        this.records = records;
        this.referrals = referrals;
        this.staff = staff;
    }

    @RolesAllowed({Roles.ADMIN, Roles.THERAPIST})
    public CaseRecord forSubjectAccess(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY, CaseOperation.REVIEW_DISCLOSURE);
        long intakeId = grant.intakeId();
        Map<Long, String> names = staff.displayNames();
        var reviewCase = cases.findById(intakeId).orElse(null);
        var state = reviewCase == null
                ? new CaseDetail.CaseState(null, null, false, null, null, null, false)
                : ReviewRecords.state(reviewCase, names, false);
        return new CaseRecord(state, factors(intakeId, names), records.notes(intakeId, names),
                records.referrals(intakeId, names));
    }

    /**
     * Every referral decided on the intake, newest first, for another clinical system (through the FHIR API) or a
     * therapist's transfer-of-care export; the partner-fear decision stays in the practice.
     */
    @RolesAllowed({Roles.THERAPIST, Roles.SYSTEM, Roles.API_CLIENT})
    public List<ReferralRecord> referrals(CaseGrant grant) {
        long intakeId = grant.requireFor(CaseOperation.READ_CLINICAL, CaseOperation.READ_VIA_API).intakeId();
        var decided = referrals.findByIntakeIdOrderByDecidedAtDescIdDesc(intakeId);
        // the deciding therapists' names only, whoever asks (an API client has no staff role)
        Map<Long, String> names = SystemActor.call(() -> staff.displayNames(
                decided.stream().map(r -> r.getDecidedBy()).collect(java.util.stream.Collectors.toSet())));
        return decided.stream()
                .map(r -> new ReferralRecord(r.getId(), r.getKind(), r.getReason(),
                        ReviewRecords.name(names, r.getDecidedBy()), r.getDecidedAt()))
                .toList();
    }

    /** Factors in rule order: suggested ones with their reasons, then any the therapist added. */
    private List<CaseRecord.FactorView> factors(long intakeId, Map<Long, String> names) {
        Map<String, List<String>> suggested = records.suggested(intakeId);
        Map<String, List<CaseRecord.Decision>> decided = new LinkedHashMap<>();
        records.decisions(intakeId).forEach(d -> decided
                .computeIfAbsent(d.getTagId(), tag -> new ArrayList<>())
                .add(new CaseRecord.Decision(d.getDecision(), ReviewRecords.name(names, d.getDecidedBy()),
                        d.getDecidedAt())));
        List<CaseRecord.FactorView> views = new ArrayList<>();
        for (FactorTag tag : records.tags()) {
            if (suggested.containsKey(tag.id()) || decided.containsKey(tag.id())) {
                views.add(new CaseRecord.FactorView(tag.id(), tag.label(), suggested.containsKey(tag.id()),
                        suggested.getOrDefault(tag.id(), List.of()), decided.getOrDefault(tag.id(), List.of())));
            }
        }
        return views;
    }
}
