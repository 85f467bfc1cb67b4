package app.thaw.fhir;

import java.util.Objects;

/**
 * Why the FHIR API will not answer a request, with the HTTP status and the words an integration engineer reads in the
 * OperationOutcome. Never carries clinical content or whether a case exists.
 */
public class FhirRequestRefused extends RuntimeException {

    public enum Reason {
        /** 400: the request itself is wrong (unknown parameter value, search this server cannot do). */
        INVALID(400, "invalid"),
        /** 403: the token is good but its scopes do not cover this resource type. */
        FORBIDDEN(403, "forbidden"),
        /** 404: no such resource, or one this client may not read (the same answer). */
        NOT_FOUND(404, "not-found"),
        /** 405: the API is read-only. */
        NOT_ALLOWED(405, "not-supported");

        private final int status;
        private final String issueCode;

        Reason(int status, String issueCode) {
            this.status = status;
            this.issueCode = issueCode;
        }

        public int status() {
            return status;
        }

        /** The OperationOutcome issue type (http://hl7.org/fhir/issue-type). */
        public String issueCode() {
            return issueCode;
        }
    }

    private final Reason reason;

    public FhirRequestRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static FhirRequestRefused notFound(String type, String id) {
        return new FhirRequestRefused(Reason.NOT_FOUND, type + "/" + id + " is not known to this server.");
    }

    public static FhirRequestRefused invalid(String message) {
        return new FhirRequestRefused(Reason.INVALID, message);
    }

    /** Every constructor takes the words a person reads, so there is always a message. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "thrown with a message");
    }
}
