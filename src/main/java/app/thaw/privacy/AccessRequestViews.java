package app.thaw.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.intake.ClientIdentity;
import app.thaw.intake.ClientRecords;
import app.thaw.privacy.domain.AccessRequest;
import app.thaw.privacy.domain.WithheldPartRepository;
import app.thaw.review.CaseRecords;
import app.thaw.scheduling.AppointmentState;
import app.thaw.scheduling.ClientSessionRecord;
import app.thaw.scheduling.ClientSessionRecords;
import app.thaw.security.StaffAccountService;

/** Subject access requests as people see them (names, deadline), and who may review a client's export. */
@Component
class AccessRequestViews {

    private static final DateTimeFormatter DAY = PracticeTime.DATE;

    private final StaffAccountService staff;
    private final ClientRecords clients;
    private final CaseRecords cases;
    private final ClientSessionRecords sessions;
    private final WithheldPartRepository withheld;
    private final CaseAccess access;
    private final Clock clock;

    AccessRequestViews(StaffAccountService staff, ClientRecords clients, CaseRecords cases,
                       ClientSessionRecords sessions, WithheldPartRepository withheld, CaseAccess access,
                       Clock clock) {
        this.staff = staff;
        this.clients = clients;
        this.cases = cases;
        this.sessions = sessions;
        this.withheld = withheld;
        this.access = access;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Application.PRACTICE_ZONE);
    }

    static LocalDate due(AccessRequest request) {
        return SubjectAccessDeadline.due(request.getReceivedOn(), request.getExtensionMonths());
    }

    AccessRequestView of(AccessRequest request, CaseGrant grant) {
        return of(request, clients.identity(grant), staff.displayNames());
    }

    AccessRequestView of(AccessRequest request, ClientIdentity client, Map<Long, String> names) {
        LocalDate due = due(request);
        long daysLeft = SubjectAccessDeadline.daysLeft(due, today());
        boolean withheldAny = request.getStatus() == AccessRequestStatus.APPROVED_WITH_REDACTIONS
                || request.getStatus() == AccessRequestStatus.RELEASED
                && !withheld.findByRequestIdOrderByIdAsc(Objects.requireNonNull(request.getId())).isEmpty();
        return new AccessRequestView(Objects.requireNonNull(request.getId()), request.getIntakeId(),
                client.reference(), client.fullName(), request.getReceivedOn(), due, daysLeft,
                request.getExtensionMonths(), request.getExtensionReason(), request.getReviewerId(),
                name(names, request.getReviewerId()), request.getStatus(), name(names, request.getReviewedBy()),
                request.getReviewedAt(), withheldAny, name(names, request.getReleasedBy()), request.getReleasedAt(),
                name(names, request.getRecordedBy()), request.getRecordedAt(), request.getWithdrawalReason(),
                request.getWithdrawnAt(),
                request.getStatus().open() && request.getExtensionMonths() == 0 && daysLeft >= 0);
    }

    static String name(Map<Long, String> names, long id) {
        return names.getOrDefault(id, "Former staff member");
    }

    static @Nullable String name(Map<Long, String> names, @Nullable Long id) {
        return id == null ? null : names.getOrDefault(id, "Former staff member");
    }

    /**
     * The clinicians the policy lets review this client's export. A case is held by its therapist (or, for a partner
     * who joined later, by the couple's therapist); therapists with a session may read it too; while nobody holds
     * it, any therapist may. Deactivated staff are never offered.
     */
    ReviewerChoice reviewers(CaseGrant grant) {
        grant.requireFor(CaseOperation.MANAGE_PRIVACY);
        Map<Long, String> active = new LinkedHashMap<>();
        staff.activeTherapists().forEach(t -> active.put(t.id(), t.displayName()));
        Long assignee = cases.forSubjectAccess(grant).state().assigneeId();
        if (assignee == null) {
            assignee = access.partners(grant, CaseOperation.MANAGE_PRIVACY).stream()
                    .map(partner -> cases.forSubjectAccess(partner).state().assigneeId())
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        Instant now = clock.instant();
        List<ClientSessionRecord> held = sessions.forSubjectAccess(grant).stream()
                .filter(s -> s.session().state() != AppointmentState.CANCELLED).toList();
        // the latest session that has begun, else the next one to come
        ClientSessionRecord latest = held.stream().filter(s -> !s.session().start().toInstant().isAfter(now))
                .max(Comparator.comparing(s -> s.session().start()))
                .orElse(held.stream().min(Comparator.comparing(s -> s.session().start())).orElse(null));

        Map<Long, String> relation = new LinkedHashMap<>();
        if (assignee != null && active.containsKey(assignee)) {
            relation.put(assignee, "The case's therapist");
        }
        for (ClientSessionRecord s : held.reversed()) {
            long therapist = s.session().therapistId();
            if (active.containsKey(therapist) && !relation.containsKey(therapist)) {
                boolean past = !s.session().start().toInstant().isAfter(now);
                relation.put(therapist, (past ? "Saw the client on " : "Sees the client on ")
                        + DAY.format(s.session().start()));
            }
        }
        if (assignee == null) {
            active.keySet().forEach(id -> relation.putIfAbsent(id, "The case is not assigned yet"));
        }
        var reviewers = new ArrayList<ReviewerChoice.Reviewer>();
        relation.forEach((id, why) -> reviewers.add(new ReviewerChoice.Reviewer(id,
                Objects.requireNonNull(active.get(id), "only active staff are related"), why)));
        Long suggested = assignee != null && active.containsKey(assignee) ? assignee
                : latest != null && active.containsKey(latest.session().therapistId())
                        ? Long.valueOf(latest.session().therapistId()) : null;
        return new ReviewerChoice(List.copyOf(reviewers), suggested);
    }

    /** A name for audit details and messages. */
    String staffName(long id) {
        return Objects.requireNonNullElse(name(staff.displayNames(), id), "Former staff member");
    }
}
