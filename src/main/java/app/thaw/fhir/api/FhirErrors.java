package app.thaw.fhir.api;

import ca.uhn.fhir.context.FhirContext;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import app.thaw.caseaccess.CaseNotFound;
import app.thaw.fhir.FhirRequestRefused;

/** Every failure of the FHIR API as an OperationOutcome with the right status; nothing of the server's inside. */
@RestControllerAdvice(assignableTypes = FhirController.class)
class FhirErrors {

    private static final Logger LOG = LoggerFactory.getLogger(FhirErrors.class);

    private final FhirContext fhir;

    FhirErrors(FhirContext fhir) {
        this.fhir = fhir;
    }

    @ExceptionHandler(FhirRequestRefused.class)
    ResponseEntity<String> refused(FhirRequestRefused refused, HttpServletRequest request) {
        return FhirFormat.lenient(request).respond(fhir, refused.reason().status(),
                Outcomes.error(refused.reason().issueCode(), refused.getMessage()));
    }

    /** A case the client may not read answers as one that does not exist (the policy has audited the refusal). */
    @ExceptionHandler(CaseNotFound.class)
    ResponseEntity<String> notFound(CaseNotFound notFound, HttpServletRequest request) {
        return FhirFormat.lenient(request).respond(fhir, 404,
                Outcomes.error("not-found", "That resource is not known to this server."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied(AccessDeniedException denied, HttpServletRequest request) {
        return FhirFormat.lenient(request).respond(fhir, 403,
                Outcomes.error("forbidden", "This token may not do that."));
    }

    /** Anything unforeseen: logged by type and place only (a message could hold clinical text), answered in words. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception failure, HttpServletRequest request) {
        StackTraceElement where = failure.getStackTrace().length == 0 ? null : failure.getStackTrace()[0];
        LOG.error("FHIR API request failed: {} at {}", failure.getClass().getName(), where);
        return FhirFormat.lenient(request).respond(fhir, 500,
                Outcomes.error("exception", "The server could not answer this request. Please try again later."));
    }
}
