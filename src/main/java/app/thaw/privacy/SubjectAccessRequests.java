package app.thaw.privacy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.database.DatabaseRefusals;
import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.audit.AuditAction;
import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.ActsOnCase;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseNotFound;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientIdentity;
import app.thaw.privacy.domain.AccessRequest;
import app.thaw.privacy.domain.WithheldPart;
import app.thaw.security.Roles;

/**
 * The practice manager's side of a subject access request: record it (the date received sets the one-month
 * deadline), name the clinician who reviews it, extend or withdraw it, and download the files once that clinician
 * approved them. Downloads carry only what was approved: the clinician's withholdings are applied, and a record
 * changed since the approval goes back to them first. The manager never sees clinical content on screen.
 */
@Service
@Transactional
public class SubjectAccessRequests {

    /** UK GDPR applies to requests from this day; an earlier date is a typing slip. */
    static final LocalDate UK_GDPR_START = LocalDate.of(2018, 5, 25);

    private static final DateTimeFormatter DAY = PracticeTime.DATE;

    private final SubjectAccessJson json;
    private final AccessRequestDesk desk;

    SubjectAccessRequests(AccessRequestDesk desk, SubjectAccessJson json) {
        this.json = json;
        this.desk = desk;
    }

    /** The client's requests, newest (or the open one) first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public List<AccessRequestView> requests(IntakeId intakeId) {
        CaseGrant grant = desk.access().require(intakeId, CaseOperation.MANAGE_PRIVACY);
        ClientIdentity client = desk.clients().identity(grant);
        Map<Long, String> names = desk.staff().displayNames();
        return desk.requests().findByIntakeIdOrderByRecordedAtDescIdDesc(grant.intakeId()).stream()
                .map(request -> desk.views().of(request, client, names)).toList();
    }

    /** The clinicians who may review this client's export, and the one to suggest. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public ReviewerChoice reviewerChoice(IntakeId intakeId) {
        return desk.views().reviewers(desk.access().require(intakeId, CaseOperation.MANAGE_PRIVACY));
    }

    /**
     * Records a request received on {@code receivedOn} (not in the future), reviewed by {@code therapistId} or, when
     * null, by the suggested clinician. One open request per client.
     */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public AccessRequestView record(IntakeId intakeId, @Nullable LocalDate receivedOn,
                                    @Nullable StaffId therapistId) {
        CaseGrant grant = desk.access().require(intakeId, CaseOperation.MANAGE_PRIVACY);
        if (receivedOn == null) {
            throw new SubjectAccessRefused("Enter the date the request was received, for example 3/2/2026.");
        }
        if (receivedOn.isAfter(desk.views().today())) {
            throw new SubjectAccessRefused("The date received can't be in the future.");
        }
        if (receivedOn.isBefore(UK_GDPR_START)) {
            throw new SubjectAccessRefused("That date is before UK GDPR applied (25 May 2018): please check it.");
        }
        long reviewer = reviewer(grant, StaffId.numberOf(therapistId));
        if (desk.requests().findByIntakeIdOrderByRecordedAtDescIdDesc(intakeId.value()).stream()
                .anyMatch(r -> r.getStatus().open())) {
            throw alreadyOpen();
        }
        var request = new AccessRequest(intakeId.value(), receivedOn, desk.currentUser().require().id(),
                desk.clock().instant(), reviewer);
        try {
            desk.requests().saveAndFlush(request);
        } catch (DataIntegrityViolationException e) {
            throw reviewerGone(e) ? reviewerLeft() : alreadyOpen();
        }
        desk.auditLog().record(AuditAction.SUBJECT_ACCESS_REQUESTED, intakeId.value(), grant.reference(), "Received "
                + DAY.format(receivedOn) + ", due " + DAY.format(AccessRequestViews.due(request)) + "; review by "
                + desk.views().staffName(reviewer));
        return desk.views().of(request, grant);
    }

    /** Another clinician reviews the export (leave, a change of therapist), while the review is still to do. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public AccessRequestView changeReviewer(AccessRequestId accessRequestId, StaffId therapistId) {
        AccessRequest request = lock(accessRequestId.value());
        CaseGrant grant = desk.access().require(request.getIntakeId(), CaseOperation.MANAGE_PRIVACY);
        if (request.getStatus() != AccessRequestStatus.AWAITING_REVIEW) {
            throw new SubjectAccessRefused("The review is done, so the reviewer can no longer change.");
        }
        long reviewer = reviewer(grant, therapistId.value());
        if (reviewer != request.getReviewerId()) {
            request.changeReviewer(reviewer);
            try {
                desk.requests().flush();
            } catch (DataIntegrityViolationException e) {
                throw reviewerGone(e) ? reviewerLeft() : e;
            }
            desk.auditLog().record(AuditAction.SUBJECT_ACCESS_REVIEWER_CHANGED, grant.intakeId(), grant.reference(),
                    "Review by " + desk.views().staffName(reviewer));
        }
        return desk.views().of(request, grant);
    }

    /** The lawful extension (complex or numerous requests) by one or two months, before the first deadline passes. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public AccessRequestView extend(AccessRequestId accessRequestId, int months, String reason) {
        AccessRequest request = lock(accessRequestId.value());
        CaseGrant grant = desk.access().require(request.getIntakeId(), CaseOperation.MANAGE_PRIVACY);
        AccessRequestView shown = desk.views().of(request, grant);
        if (!shown.extendable()) {
            throw new SubjectAccessRefused(request.getExtensionMonths() > 0
                    ? "The deadline was already extended; the law allows one extension of up to two months."
                    : !request.getStatus().open() ? "This request is closed."
                    : "The deadline has passed: an extension must be decided, and the client told, within the "
                    + "first month.");
        }
        if (months < 1 || months > SubjectAccessDeadline.MAX_EXTENSION_MONTHS) {
            throw new SubjectAccessRefused("The deadline can be extended by one or two further months.");
        }
        String why = reason(reason, "Give the reason for the extension (the client must be told it)");
        request.extend(months, why, desk.currentUser().require().id(), desk.clock().instant());
        // the reason stays on the request, where erasure marks it; the audit log is kept as it is, so it gets none
        desk.auditLog().record(AuditAction.SUBJECT_ACCESS_EXTENDED, grant.intakeId(), grant.reference(), "By " + months
                + (months == 1 ? " month" : " months") + ", due " + DAY.format(AccessRequestViews.due(request)));
        return desk.views().of(request, grant);
    }

    /** Closes an open request without release: the client withdrew it, or it was recorded in error. */
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public AccessRequestView withdraw(AccessRequestId accessRequestId, String reason) {
        AccessRequest request = lock(accessRequestId.value());
        CaseGrant grant = desk.access().require(request.getIntakeId(), CaseOperation.MANAGE_PRIVACY);
        if (!request.getStatus().open()) {
            throw new SubjectAccessRefused("This request is already closed.");
        }
        String why = reason(reason, "Say why the request is withdrawn");
        request.withdraw(why, desk.currentUser().require().id(), desk.clock().instant());
        desk.auditLog().record(AuditAction.SUBJECT_ACCESS_WITHDRAWN, grant.intakeId(), grant.reference(),
                "Closed without release");
        return desk.views().of(request, grant);
    }

    /** The machine-readable export (JSON, format {@value SubjectAccessExport#FORMAT}), once approved. */
    @Transactional(noRollbackFor = SubjectAccessRefused.ReviewOutdated.class)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public ExportFile exportJson(AccessRequestId accessRequestId) {
        return download(accessRequestId.value(), "JSON file",
                export -> new ExportFile(fileName(export, "json"), "application/json", json.write(export)));
    }

    /** The same content as a readable PDF, once approved. */
    @Transactional(noRollbackFor = SubjectAccessRefused.ReviewOutdated.class)
    @RolesAllowed(Roles.ADMIN)
    @ActsOnCase(CaseOperation.MANAGE_PRIVACY)
    public ExportFile exportPdf(AccessRequestId accessRequestId) {
        return download(accessRequestId.value(), "PDF file",
                export -> new ExportFile(fileName(export, "pdf"), "application/pdf", SubjectAccessPdf.render(export)));
    }

    private ExportFile download(long accessRequestId, String what, Function<SubjectAccessExport, ExportFile> file) {
        AccessRequest request = lock(accessRequestId);
        CaseGrant grant = desk.access().require(request.getIntakeId(), CaseOperation.MANAGE_PRIVACY);
        String reviewer = desk.views().staffName(request.getReviewerId());
        if (!request.getStatus().downloadable()) {
            throw new SubjectAccessRefused(request.getStatus() == AccessRequestStatus.WITHDRAWN
                    ? "This request was withdrawn." : "The files can be downloaded once " + reviewer
                    + " has reviewed them and approved their release.");
        }
        ClientIdentity identity = desk.clients().identity(grant);
        SubjectAccessExport export = desk.assembler().assemble(grant, identity);
        if (!DisclosureItems.fingerprint(DisclosureItems.of(export)).equals(request.getReviewedContent())) {
            if (request.getStatus() == AccessRequestStatus.RELEASED) {
                throw new SubjectAccessRefused("The client's record has changed since these files were released. "
                        + "To give them their record as it is now, record a new request.");
            }
            request.returnForReview();
            desk.auditLog().record(AuditAction.SUBJECT_ACCESS_RETURNED, grant.intakeId(), grant.reference(),
                    "The record changed after approval; back to " + reviewer);
            throw new SubjectAccessRefused.ReviewOutdated("The client's record has changed since " + reviewer
                    + " approved it (for example, a new note), so it has gone back to them to review again.");
        }
        Set<String> keys = desk.withheld().findByRequestIdOrderByIdAsc(accessRequestId).stream()
                .map(WithheldPart::getItemKey).collect(Collectors.toSet());
        SubjectAccessExport released = DisclosureItems.withhold(export, keys);
        if (request.getStatus() != AccessRequestStatus.RELEASED) {
            request.release(desk.currentUser().require().id(), desk.clock().instant());
            desk.auditLog().record(AuditAction.SUBJECT_ACCESS_RELEASED, grant.intakeId(), grant.reference(),
                    "First download (" + what + ")");
        }
        // after assembling, so the export lists every earlier reading but not itself
        desk.auditLog().record(AuditAction.SUBJECT_ACCESS_EXPORTED, grant.intakeId(), grant.reference(), what);
        return file.apply(released);
    }

    private long reviewer(CaseGrant grant, @Nullable Long therapistId) {
        ReviewerChoice choice = desk.views().reviewers(grant);
        Long chosen = therapistId == null ? choice.suggested() : therapistId;
        if (chosen == null) {
            throw new SubjectAccessRefused(choice.reviewers().isEmpty()
                    ? "No therapist can review this client's record yet: assign the case to a therapist first "
                    + "(Cases), then record the request."
                    : "Choose the clinician who will review the record before it is released.");
        }
        long id = chosen;
        if (choice.reviewers().stream().noneMatch(r -> r.id() == id)) {
            throw new SubjectAccessRefused("That clinician has no part in this client's care, so they can't review "
                    + "the record. Choose the case's therapist or one who has seen the client, or reassign the case "
                    + "first (Cases).");
        }
        return id;
    }

    private AccessRequest lock(long accessRequestId) {
        // a missing request answers like a case the caller may not see
        return desk.requests().lockById(accessRequestId).orElseThrow(CaseNotFound::new);
    }

    private static String reason(@Nullable String reason, String ask) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > AccessRequest.REASON_MAX) {
            throw new SubjectAccessRefused(ask + " (up to " + AccessRequest.REASON_MAX + " characters).");
        }
        if (!StorableText.isStorable(why)) {
            throw new SubjectAccessRefused(StorableText.REFUSAL);
        }
        return why;
    }

    // the database names the reviewer only while they are with the practice (V185): one deactivated a moment ago
    private static boolean reviewerGone(DataIntegrityViolationException e) {
        return DatabaseRefusals.refusedWith(e, DatabaseRefusals.CHECK_VIOLATION,
                "the reviewer of this request is no longer active");
    }

    private static SubjectAccessRefused reviewerLeft() {
        return new SubjectAccessRefused("That clinician no longer sees clients here (their account was deactivated "
                + "or their role changed a moment ago). Choose another reviewer.");
    }

    private static SubjectAccessRefused alreadyOpen() {
        return new SubjectAccessRefused("This client already has an open subject access request: finish or withdraw "
                + "it before recording another.");
    }

    private String fileName(SubjectAccessExport export, String extension) {
        return "thaw-subject-access-" + export.client().reference() + "-"
                + LocalDate.ofInstant(desk.clock().instant(), Application.PRACTICE_ZONE) + "." + extension;
    }
}
