package app.thaw.caseaccess;

import java.util.EnumSet;
import java.util.Set;

import static app.thaw.caseaccess.CaseRelation.API_CLIENT;
import static app.thaw.caseaccess.CaseRelation.ASSIGNED;
import static app.thaw.caseaccess.CaseRelation.BOOKED;
import static app.thaw.caseaccess.CaseRelation.CLINICAL_LEAD;
import static app.thaw.caseaccess.CaseRelation.PRACTICE_MANAGER;
import static app.thaw.caseaccess.CaseRelation.SHARED_QUEUE;
import static app.thaw.caseaccess.CaseRelation.SYSTEM;

/**
 * The policy table: each row is one thing done to one part of a case, and the relations that allow it. A colleague
 * with none of these relations, and anyone not signed in, is never allowed. docs/security.md shows this table and a
 * test keeps the two the same.
 */
public enum CaseOperation {
    READ_CLINICAL("Clinical record (answers, scores, factors, notes, history)", "read",
            EnumSet.of(ASSIGNED, BOOKED, SHARED_QUEUE, SYSTEM)),
    CHANGE_CLINICAL("Clinical record", "review risk, note, decide factors and referral, correct, change status",
            EnumSet.of(ASSIGNED, BOOKED, SHARED_QUEUE)),
    DOWNLOAD_LETTER("Referral letter", "download", EnumSet.of(ASSIGNED, BOOKED, SHARED_QUEUE)),
    READ_BOOKING_DETAILS("Client names, contact details, stated availability, sessions", "read",
            EnumSet.of(ASSIGNED, BOOKED, SHARED_QUEUE, PRACTICE_MANAGER, SYSTEM)),
    BOOK_SESSION("Sessions", "book (single, series, offers; a client's choice of an offered time); the safety gates "
            + "apply", EnumSet.of(ASSIGNED, BOOKED, SHARED_QUEUE, PRACTICE_MANAGER, SYSTEM)),
    CHANGE_SESSION("Sessions", "move, cancel, record attendance (therapists in their own diary)",
            EnumSet.of(ASSIGNED, BOOKED, PRACTICE_MANAGER)),
    ASSIGN("Assignment", "take on, hand over, reassign (managers with a reason, without reading the case)",
            EnumSet.of(ASSIGNED, SHARED_QUEUE, PRACTICE_MANAGER)),
    READ_CLIENT_MESSAGE("Client's change or cancel message", "read (may hold clinical content)",
            EnumSet.of(ASSIGNED, BOOKED)),
    READ_SESSION_NOTES("Session notes", "read (never the practice manager)", EnumSet.of(ASSIGNED, BOOKED)),
    WRITE_SESSION_NOTE("Session notes", "write and sign (the session's therapist); add an addendum once locked",
            EnumSet.of(ASSIGNED, BOOKED)),
    HANDLE_CLIENT_REQUEST("Client's change or cancel request", "see its type and times, mark handled",
            EnumSet.of(ASSIGNED, BOOKED, PRACTICE_MANAGER)),
    REVIEW_DISCLOSURE("Subject access export", "review for serious harm, redact, approve release",
            EnumSet.of(ASSIGNED, BOOKED, SHARED_QUEUE)),
    MANAGE_PRIVACY("Subject access request, erasure, legal hold", "record, download once approved, erase, hold",
            EnumSet.of(PRACTICE_MANAGER, SYSTEM)),
    ERASE("Client's identity and free text", "erase (on request or by retention)", EnumSet.of(PRACTICE_MANAGER, SYSTEM)),
    READ_VIA_API("Case as FHIR resources (identity, answers, scores, risk flags, referrals, sessions)",
            "read by another system through the FHIR API, within its token's scopes", EnumSet.of(API_CLIENT)),
    READ_OUTCOME_AGGREGATES("Outcome results across cases (no case named)",
            "read and export (practice managers: counts under 5 suppressed, the rest rounded to 5)",
            EnumSet.of(CLINICAL_LEAD, PRACTICE_MANAGER));

    private final String resource;
    private final String action;
    private final Set<CaseRelation> allowed;

    CaseOperation(String resource, String action, Set<CaseRelation> allowed) {
        this.resource = resource;
        this.action = action;
        this.allowed = allowed;
    }

    public String resource() {
        return resource;
    }

    public String action() {
        return action;
    }

    public boolean allows(CaseRelation relation) {
        return allowed.contains(relation);
    }

    public Set<CaseRelation> allowedRelations() {
        return EnumSet.copyOf(allowed);
    }
}
