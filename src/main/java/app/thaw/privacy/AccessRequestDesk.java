package app.thaw.privacy;

import java.time.Clock;

import org.springframework.stereotype.Component;

import app.thaw.audit.AuditLog;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.intake.ClientRecords;
import app.thaw.privacy.domain.AccessRequestRepository;
import app.thaw.privacy.domain.WithheldPartRepository;
import app.thaw.security.CurrentUser;
import app.thaw.security.StaffAccountService;

/**
 * What both sides of a subject access request work from (the manager's SubjectAccessRequests and the clinician's
 * DisclosureReviews): the requests and their withheld parts, how a request is shown, the client's export, and who the
 * client and the staff named on it are; the case-access policy, the audit log, who is signed in and the time.
 */
@Component
record AccessRequestDesk(AccessRequestRepository requests, WithheldPartRepository withheld, AccessRequestViews views,
                         SubjectAccessAssembler assembler, ClientRecords clients, StaffAccountService staff,
                         CaseAccess access, AuditLog auditLog, CurrentUser currentUser, Clock clock) {
}
