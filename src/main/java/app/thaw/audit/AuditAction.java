package app.thaw.audit;

/** What happened, in the practice's words; reads of clinical content are marked so they can be filtered. */
public enum AuditAction {
    SIGN_IN("Signed in", false),
    SIGN_IN_FAILED("Sign-in failed", false),
    SIGN_OUT("Signed out", false),
    PASSWORD_ACCEPTED("Password accepted, code pending", false),
    SECOND_FACTOR_FAILED("Wrong authenticator code", false),
    SECOND_FACTOR_ENROLLED("Authenticator set up", false),
    RECOVERY_CODE_USED("Signed in with a recovery code", false),
    SECOND_FACTOR_RESET("Authenticator reset", false),
    SIGN_IN_PAUSED("Sign-in paused after failed tries", false),
    SIGN_IN_PAUSE_LIFTED("Lifted a sign-in pause", false),
    INTAKE_SUBMITTED("Intake submitted", false),
    INTAKE_REFUSED_UNDER_18("Form refused: under 18, nothing kept", false),
    CASE_OPENED("Opened case", true),
    CASE_ACCESS_DENIED("Refused access to a case", false),
    ACCESS_DENIED("Refused by role", false),
    LETTER_DOWNLOADED("Downloaded referral letter", true),
    RISK_ACKNOWLEDGED("Risk reviewed", false),
    NOTE_ADDED("Added a clinical note", false),
    CASE_ASSIGNED("Assignment changed", false),
    STATUS_CHANGED("Status changed", false),
    FACTOR_DECIDED("Contributing factor decided", false),
    REFERRAL_DECIDED("Referral decided", false),
    ANSWER_AMENDED("Answer corrected", false),
    SESSION_BOOKED("Session booked", false),
    SESSION_CHANGED("Session changed", false),
    SESSION_CANCELLED("Session cancelled", false),
    CLIENT_REQUEST("Client asked to change a session", false),
    CLIENT_REQUEST_HANDLED("Client request handled", false),
    STAFF_INVITED("Invited a staff member", false),
    STAFF_LINK_RENEWED("Sent a new password link", false),
    STAFF_ROLE_CHANGED("Changed a staff role", false),
    STAFF_DEACTIVATED("Deactivated a staff account", false),
    STAFF_REACTIVATED("Reactivated a staff account", false),
    STAFF_PASSWORD_RESET("Reset a staff password", false),
    STAFF_DETAILS_CHANGED("Changed a staff member's name or email", false),
    STAFF_CHANGE_REFUSED("Staff change refused", false),
    PASSWORD_CHOSEN("Chose a password with a link", false),
    PASSWORD_CHANGED("Changed own password", false),
    SUBJECT_ACCESS_EXPORTED("Subject access export", true),
    SUBJECT_ACCESS_REQUESTED("Subject access request recorded", false),
    SUBJECT_ACCESS_REVIEWER_CHANGED("Subject access reviewer changed", false),
    SUBJECT_ACCESS_EXTENDED("Subject access deadline extended", false),
    SUBJECT_ACCESS_WITHDRAWN("Subject access request withdrawn", false),
    SUBJECT_ACCESS_REVIEW_OPENED("Opened a subject access review", true),
    SUBJECT_ACCESS_APPROVED("Subject access release approved", false),
    SUBJECT_ACCESS_RETURNED("Subject access back for review", false),
    SUBJECT_ACCESS_RELEASED("Subject access released", false),

    CLIENT_ERASED("Client erased", false),
    LEGAL_HOLD_SET("Legal hold set", false),
    LEGAL_HOLD_CLEARED("Legal hold cleared", false),
    RETENTION_RUN("Retention run", false),
    SETTINGS_CHANGED("Practice settings changed", false),
    FHIR_READ("Read through the FHIR API", true),
    FHIR_EXPORTED("Downloaded the case as FHIR", true),
    FHIR_REFUSED("FHIR API request refused", false),
    API_CLIENT_CREATED("API client created", false),
    API_CLIENT_REVOKED("API client revoked", false),
    SESSION_NOTE_READ("Read a session note", true),
    SESSION_NOTE_WRITTEN("Wrote a session note", false),
    SESSION_NOTE_SIGNED("Signed a session note", false),
    SESSION_NOTE_ADDENDUM("Added to a session note", false),
    LEAVE_ADDED("Time away added", false),
    LEAVE_REMOVED("Time away removed", false),
    CLOSED_DAY_CHANGED("Practice closed day changed", false),
    ROOM_CHANGED("Room changed", false),
    WORKING_HOURS_CHANGED("Working hours changed", false),
    SESSION_TYPE_CHANGED("Session type changed", false),
    THERAPY_ENDED("Therapy ended", false),
    CASE_CLOSED("Case closed", false),
    CASE_REOPENED("Case reopened", false),
    WAITLISTED("Added to the waiting list", false),
    LEFT_WAITING_LIST("Left the waiting list", false),
    MEASURES_READ("Read outcome measures", true),
    MEASURES_ANSWERED("Client answered outcome measures", false),
    MEASURE_ALERT_RAISED("Risk answer on a repeat measure", false),
    MEASURE_ALERT_ACKNOWLEDGED("Repeat-measure risk acknowledged", false),
    MEASURE_PLAN_CHANGED("Outcome measures changed", false),
    OUTCOMES_REPORT_EXPORTED("Outcomes report exported", false),
    OFFER_MADE("Times offered", false),
    OFFER_CHOSEN("Offered time chosen by the client", false),
    OFFER_EXPIRED("Offer lapsed", false),
    OFFER_WITHDRAWN("Offer withdrawn", false),
    OFFER_TAKEN("Offered time taken by another case", false),
    WAITLIST_CHANGED("Waiting list details changed", false);

    private final String label;
    private final boolean clinicalRead;

    AuditAction(String label, boolean clinicalRead) {
        this.label = label;
        this.clinicalRead = clinicalRead;
    }

    public String label() {
        return label;
    }

    public boolean isClinicalRead() {
        return clinicalRead;
    }
}
