package app.thaw.privacy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.audit.AuditAction;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientIdentity;
import app.thaw.privacy.domain.AccessRequest;
import app.thaw.privacy.domain.WithheldPart;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * The reviewing clinician's side of a subject access request: the export as the client would get it, on screen, and
 * the decision to release it, whole or with parts withheld because disclosing them would be likely to cause serious
 * harm (Data Protection Act 2018, Sch. 3 Part 2, para. 5). Only the clinician named on the request may review it,
 * and only while the case-access policy lets them read the case.
 */
@Service
@Transactional
public class DisclosureReviews {

    private final AccessRequestDesk desk;

    DisclosureReviews(AccessRequestDesk desk) {
        this.desk = desk;
    }

    /** Requests waiting for the signed-in clinician's review, the soonest due first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.THERAPIST)
    public List<AccessRequestView> waitingForMe() {
        List<AccessRequest> mine = desk.requests().findByReviewerIdAndStatusOrderByReceivedOnAscIdAsc(
                desk.currentUser().require().id(), AccessRequestStatus.AWAITING_REVIEW);
        Map<Long, CaseGrant> grants = desk.access().checkAll(mine.stream().map(AccessRequest::getIntakeId).toList(),
                CaseOperation.REVIEW_DISCLOSURE).stream().collect(Collectors.toMap(CaseGrant::intakeId,
                Function.identity()));
        Map<Long, String> names = desk.staff().displayNames();
        return mine.stream().filter(r -> grants.containsKey(r.getIntakeId()))
                .map(r -> desk.views().of(r, desk.clients().identity(Objects.requireNonNull(grants.get(
                        r.getIntakeId()))), names))
                .sorted(Comparator.comparing(AccessRequestView::dueOn)).toList();
    }

    /** The export on screen for review, with what is withheld so far; every opening is a read of clinical content. */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.REVIEW_DISCLOSURE)
    public DisclosureReview open(AccessRequestId requestId) {
        long accessRequestId = requestId.value();
        AccessRequest request = desk.requests().findById(accessRequestId).orElseThrow(CaseNotFound::new);
        CaseGrant grant = requireReviewer(request);
        ClientIdentity identity = desk.clients().identity(grant);
        SubjectAccessExport export = desk.assembler().assemble(grant, identity, false);
        List<DisclosureItem> items = DisclosureItems.of(export);
        Map<String, String> chosen = new LinkedHashMap<>();
        desk.withheld().findByRequestIdOrderByIdAsc(accessRequestId).forEach(part -> chosen.put(part.getItemKey(),
                part.getReason()));
        desk.auditLog().record(AuditAction.SUBJECT_ACCESS_REVIEW_OPENED, grant.intakeId(), grant.reference(), null);
        return new DisclosureReview(desk.views().of(request, identity, desk.staff().displayNames()), export, items,
                Map.copyOf(chosen), DisclosureItems.fingerprint(items),
                request.getStatus() == AccessRequestStatus.AWAITING_REVIEW);
    }

    /**
     * Approves release of the record as reviewed ({@code reviewedContent}, the fingerprint {@link #open} gave), with
     * the parts in {@code withheld} (item key to the reason) taken out. A record that changed meanwhile is refused:
     * the clinician must see what they approve.
     */
    @RolesAllowed(Roles.THERAPIST)
    @ActsOnCase(CaseOperation.REVIEW_DISCLOSURE)
    public AccessRequestView approve(AccessRequestId requestId, Map<String, String> withheld,
            String reviewedContent) {
        long accessRequestId = requestId.value();
        AccessRequest request = desk.requests().lockById(accessRequestId).orElseThrow(CaseNotFound::new);
        CaseGrant grant = requireReviewer(request);
        if (request.getStatus() != AccessRequestStatus.AWAITING_REVIEW) {
            throw new SubjectAccessRefused("This request was already decided.");
        }
        ClientIdentity identity = desk.clients().identity(grant);
        List<DisclosureItem> items = DisclosureItems.of(desk.assembler().assemble(grant, identity, false));
        String content = DisclosureItems.fingerprint(items);
        if (!content.equals(reviewedContent)) {
            throw new SubjectAccessRefused.ReviewOutdated("The record changed while you were reviewing it (for "
                    + "example, a new note). Please look through it again as it is now.");
        }
        Map<String, DisclosureItem> byKey = items.stream().collect(Collectors.toMap(DisclosureItem::key,
                Function.identity()));
        StaffUser me = desk.currentUser().require();
        var now = desk.clock().instant();
        List<WithheldPart> parts = withheld.entrySet().stream().map(entry -> {
            DisclosureItem item = byKey.get(entry.getKey());
            if (item == null) {
                throw new SubjectAccessRefused.ReviewOutdated("A part you withheld is no longer in the record. "
                        + "Please look through it again as it is now.");
            }
            String why = entry.getValue() == null ? "" : entry.getValue().strip();
            if (why.isEmpty() || why.length() > WithheldPart.REASON_MAX) {
                throw new SubjectAccessRefused("Give the reason for withholding \"" + item.title() + "\" (up to "
                        + WithheldPart.REASON_MAX + " characters).");
            }
            if (!StorableText.isStorable(why)) {
                throw new SubjectAccessRefused(StorableText.REFUSAL);
            }
            return new WithheldPart(accessRequestId, item.key(), item.title(), why, me.id(), now);
        }).toList();
        desk.withheld().deleteByRequestId(accessRequestId);
        desk.withheld().saveAll(parts);
        request.approve(!parts.isEmpty(), content, me.id(), now);
        desk.auditLog().record(AuditAction.SUBJECT_ACCESS_APPROVED, grant.intakeId(), grant.reference(), parts.isEmpty()
                ? "Release approved in full" : "Release approved with some information withheld");
        return desk.views().of(request, identity, desk.staff().displayNames());
    }

    /** The policy's answer first (a colleague is refused and audited), then: is this the clinician named to review? */
    private CaseGrant requireReviewer(AccessRequest request) {
        CaseGrant grant = desk.access().require(request.getIntakeId(), CaseOperation.REVIEW_DISCLOSURE);
        if (request.getReviewerId() != desk.currentUser().require().id()) {
            desk.auditLog().recordDeniedAccess(AuditAction.CASE_ACCESS_DENIED, grant.intakeId(), grant.reference(),
                    CaseOperation.REVIEW_DISCLOSURE.resource() + ": review (another clinician is named on the "
                            + "request)");
            throw new CaseNotFound();
        }
        return grant;
    }
}
