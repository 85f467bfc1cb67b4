package app.thaw.caseaccess;

/** How the person asking stands to a case; the policy table (docs/security.md) is written in these terms. */
public enum CaseRelation {
    /** The therapist the case is assigned to. */
    ASSIGNED,
    /** A therapist with a session (booked, past or to come; not cancelled) with the client. */
    BOOKED,
    /** Any therapist, while the case is unassigned and waits in the shared queue to be taken on. */
    SHARED_QUEUE,
    /** A practice manager: runs the diary and privacy requests, never reads clinical content. */
    PRACTICE_MANAGER,
    /** Background work of the practice (emails, reminders, retention), never a person. */
    SYSTEM,
    /** Another clinical system reading through the FHIR API with a token the practice manager issued; its scopes
     *  narrow further which resource types it may read. */
    API_CLIENT,
    /** A clinical lead: reads the practice's results across cases, never a case itself. */
    CLINICAL_LEAD
}
