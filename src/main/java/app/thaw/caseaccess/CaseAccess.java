package app.thaw.caseaccess;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import app.thaw.base.ids.IntakeId;
import app.thaw.security.Roles;
import app.thaw.security.StaffUser;

/**
 * The case-access policy (docs/security.md): who may do what to which client's case. Every service that takes a case,
 * intake, partner, session, letter or request identifier asks here first and works only with the grant it gets. A
 * case the person may not see answers exactly as a case that does not exist, and the refusal is audited.
 */
@Service
public class CaseAccess {

    /** Preferred relation when several allow an operation: the assignment explains a grant best. */
    private static final List<CaseRelation> PREFERENCE =
            List.of(CaseRelation.ASSIGNED, CaseRelation.BOOKED, CaseRelation.SHARED_QUEUE);

    private final CaseDirectory directory;
    private final List<CaseRelations> relations;
    private final List<SafetyGate> gates;
    private final ApplicationEventPublisher events;

    CaseAccess(CaseDirectory directory, List<CaseRelations> relations, List<SafetyGate> gates,
               ApplicationEventPublisher events) {
        this.directory = directory;
        this.relations = relations;
        this.gates = gates;
        this.events = events;
    }

    /** The case behind a typed reference, if the caller may do this to it; a refusal is audited, a typo is not. */
    @PermitAll
    public Optional<CaseGrant> find(@Nullable String reference, CaseOperation operation) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return directory.byReference(reference).flatMap(facts -> decide(facts, operation));
    }

    /** The case with this intake id, if the caller may do this to it; a refusal is audited. */
    @PermitAll
    public Optional<CaseGrant> check(long intakeId, CaseOperation operation) {
        return directory.byId(intakeId).flatMap(facts -> decide(facts, operation));
    }

    /**
     * The same case for a further part that a screen shows only to some (the session notes of a case a therapist
     * opened): no denial is audited, since the caller asked for the case, not for that part.
     */
    @PermitAll
    public Optional<CaseGrant> alsoFor(CaseGrant grant, CaseOperation operation) {
        Caller caller = caller();
        StaffUser therapist = caller.therapist();
        // the relations were read a moment ago for this very caller: asking the database again would only repeat them
        Set<CaseRelation> known = therapist == null ? Set.of()
                : java.util.Objects.equals(grant.staffId(), therapist.id()) ? grant.known()
                : relationsOf(List.of(grant.facts()), therapist.id()).getOrDefault(grant.intakeId(), Set.of());
        return grantIfAllowed(grant.facts(), operation, caller, known);
    }

    /** The case with this intake id, if the caller may do this to it; a refusal is audited. */
    @PermitAll
    public Optional<CaseGrant> check(IntakeId intakeId, CaseOperation operation) {
        return check(intakeId.value(), operation);
    }

    /** As {@link #check}, for a service that cannot go on without the case. */
    @PermitAll
    public CaseGrant require(IntakeId intakeId, CaseOperation operation) {
        return require(intakeId.value(), operation);
    }

    /** As {@link #check}, for a service that cannot go on without the case. */
    @PermitAll
    public CaseGrant require(long intakeId, CaseOperation operation) {
        return check(intakeId, operation).orElseThrow(CaseNotFound::new);
    }

    /** The partner's side of a couple's case, under the same rule (a couple may be seen by two therapists). */
    @PermitAll
    public List<CaseGrant> partners(CaseGrant grant, CaseOperation operation) {
        return checkAll(grant.facts().partnerIntakeIds(), operation);
    }

    /** Several cases at once (a week of the diary): the allowed ones, in the order asked; each refusal audited. */
    @PermitAll
    public List<CaseGrant> checkAll(Collection<Long> intakeIds, CaseOperation operation) {
        return grantsAmong(intakeIds, operation, true);
    }

    /**
     * The cases of a practice-wide list (the waiting list) the caller may see for this: the allowed ones, in the order
     * given. Leaving a colleague's case out of a list is the policy working, not someone asking for that case, so no
     * refusal is audited; opening any of them goes through {@link #check} and is.
     */
    @PermitAll
    public List<CaseGrant> allowedAmong(Collection<Long> intakeIds, CaseOperation operation) {
        return grantsAmong(intakeIds, operation, false);
    }

    private List<CaseGrant> grantsAmong(Collection<Long> intakeIds, CaseOperation operation, boolean auditRefusals) {
        if (intakeIds.isEmpty()) {
            return List.of();
        }
        Map<Long, CaseFacts> found = directory.byIds(intakeIds);
        Caller caller = caller();
        Map<Long, Set<CaseRelation>> known = caller.therapist() == null ? Map.of()
                : relationsOf(found.values(), caller.therapist().id());
        var granted = new LinkedHashMap<Long, CaseGrant>();
        for (Long id : intakeIds) {
            CaseFacts facts = found.get(id);
            if (facts != null && !granted.containsKey(id)) {
                Set<CaseRelation> relations = known.getOrDefault(id, Set.of());
                (auditRefusals ? decide(facts, operation, caller, relations)
                        : grantIfAllowed(facts, operation, caller, relations)).ifPresent(g -> granted.put(id, g));
            }
        }
        return new ArrayList<>(granted.values());
    }

    /**
     * The first safety gate a session for these clients does not pass, if any: what the booking screens show before
     * anyone tries. {@link #requireBookable} is what the booking itself relies on.
     */
    @PermitAll
    public Optional<GateRefusal> bookingGate(List<CaseGrant> clients, boolean joint) {
        List<CaseFacts> facts = clients.stream().map(CaseGrant::facts).toList();
        boolean therapist = caller().therapist() != null;
        for (SafetyGate gate : gates) {
            Optional<GateRefusal> refusal = gate.check(facts, joint, therapist);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Refuses a booking (any path: diary, series, offer, self-booking) that a safety gate does not allow yet. */
    @PermitAll
    public void requireBookable(List<CaseGrant> clients, boolean joint) {
        for (CaseGrant client : clients) {
            client.requireFor(CaseOperation.BOOK_SESSION);
        }
        Optional<GateRefusal> refusal = bookingGate(clients, joint);
        if (refusal.isPresent()) {
            throw new SafetyGateRefused(refusal.get());
        }
    }

    /**
     * How the caller stands to a row of the table that names no case (the practice's aggregate results): their
     * relation, or an access refusal. The service decides from the relation what it may show (suppression).
     */
    @PermitAll
    public CaseRelation requireAggregate(CaseOperation operation) {
        Caller caller = caller();
        StaffUser staff = caller.staff();
        CaseRelation relation = staff == null || !staff.active() ? null
                : staff.role() == app.thaw.security.StaffRole.CLINICAL_LEAD ? CaseRelation.CLINICAL_LEAD
                : caller.manager() != null ? CaseRelation.PRACTICE_MANAGER : null;
        if (relation == null || !operation.allows(relation)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Not allowed: " + operation.resource());
        }
        return relation;
    }

    private Optional<CaseGrant> decide(CaseFacts facts, CaseOperation operation) {
        Caller caller = caller();
        Set<CaseRelation> known = caller.therapist() == null ? Set.of()
                : relationsOf(List.of(facts), caller.therapist().id()).getOrDefault(facts.intakeId(), Set.of());
        return decide(facts, operation, caller, known);
    }

    private Optional<CaseGrant> decide(CaseFacts facts, CaseOperation operation, Caller caller,
                                       Set<CaseRelation> therapistRelations) {
        Optional<CaseGrant> grant = grantIfAllowed(facts, operation, caller, therapistRelations);
        if (grant.isEmpty()) {
            events.publishEvent(new CaseAccessDenied(facts.intakeId(), facts.reference(), operation));
        }
        return grant;
    }

    private static Optional<CaseGrant> grantIfAllowed(CaseFacts facts, CaseOperation operation, Caller caller,
                                                      Set<CaseRelation> therapistRelations) {
        CaseRelation relation = null;
        if (caller.system() && operation.allows(CaseRelation.SYSTEM)) {
            relation = CaseRelation.SYSTEM;
        } else if (caller.apiClient() && operation.allows(CaseRelation.API_CLIENT)) {
            relation = CaseRelation.API_CLIENT;
        } else if (caller.manager() != null && operation.allows(CaseRelation.PRACTICE_MANAGER)) {
            relation = CaseRelation.PRACTICE_MANAGER;
        } else if (caller.therapist() != null) {
            relation = PREFERENCE.stream()
                    .filter(therapistRelations::contains)
                    .filter(operation::allows)
                    .findFirst().orElse(null);
        }
        if (relation == null) {
            return Optional.empty();
        }
        StaffUser staff = caller.staff();
        return Optional.of(new CaseGrant(facts, operation, relation, staff == null ? null : staff.id(),
                therapistRelations));
    }

    private Map<Long, Set<CaseRelation>> relationsOf(Collection<CaseFacts> cases, long therapistId) {
        Map<Long, Set<CaseRelation>> joined = new LinkedHashMap<>();
        for (CaseRelations source : relations) {
            source.relations(cases, therapistId).forEach((id, found) ->
                    joined.computeIfAbsent(id, key -> EnumSet.noneOf(CaseRelation.class)).addAll(found));
        }
        return joined;
    }

    /** Who is asking, as the policy distinguishes them; half-signed-in sessions and clients are none of these. */
    private record Caller(@Nullable StaffUser staff, boolean system, boolean apiClient) {

        @Nullable StaffUser therapist() {
            return staff != null && staff.isTherapist() && staff.active() ? staff : null;
        }

        @Nullable StaffUser manager() {
            return staff != null && staff.isAdmin() && staff.active() ? staff : null;
        }
    }

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Caller(null, false, false);
        }
        if (authentication.getPrincipal() instanceof StaffUser staff) {
            boolean holdsRole = authentication.getAuthorities().stream()
                    .anyMatch(a -> staff.role().authority().equals(a.getAuthority()));
            return new Caller(holdsRole ? staff : null, false, false);
        }
        boolean system = authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.SYSTEM).equals(a.getAuthority()));
        boolean apiClient = authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.API_CLIENT).equals(a.getAuthority()));
        return new Caller(null, system, apiClient);
    }
}
