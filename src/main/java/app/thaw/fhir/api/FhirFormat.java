package app.thaw.fhir.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

import jakarta.servlet.http.HttpServletRequest;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import app.thaw.fhir.FhirRequestRefused;

/** JSON unless the caller asks for XML ({@code _format} or Accept), pretty with {@code _pretty=true}. */
record FhirFormat(boolean xml, boolean pretty) {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml;charset=UTF-8");

    static FhirFormat of(HttpServletRequest request) {
        String format = request.getParameter("_format");
        boolean pretty = "true".equalsIgnoreCase(request.getParameter("_pretty"));
        if (format != null) {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (f.equals("json") || f.endsWith("/json") || f.endsWith("+json")) {
                return new FhirFormat(false, pretty);
            }
            if (f.equals("xml") || f.endsWith("/xml") || f.endsWith("+xml")) {
                return new FhirFormat(true, pretty);
            }
            throw new FhirRequestRefused(FhirRequestRefused.Reason.INVALID,
                    "_format must be json or xml (application/fhir+json or application/fhir+xml).");
        }
        String accept = request.getHeader("Accept");
        boolean xml = accept != null && accept.contains("xml") && !accept.contains("json");
        return new FhirFormat(xml, pretty);
    }

    /** The format for an error that happened before the request could be read: whatever it asked, else JSON. */
    static FhirFormat lenient(HttpServletRequest request) {
        try {
            return of(request);
        } catch (FhirRequestRefused e) {
            return new FhirFormat(false, false);
        }
    }

    String encode(FhirContext fhir, IBaseResource resource) {
        IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        return parser.setPrettyPrint(pretty).encodeResourceToString(resource);
    }

    MediaType mediaType() {
        return xml ? FHIR_XML : FHIR_JSON;
    }

    /** An OperationOutcome: small, never in a hot path. */
    ResponseEntity<String> respond(FhirContext fhir, int status, IBaseResource resource) {
        return ResponseEntity.status(status).contentType(mediaType()).cacheControl(CacheControl.noStore())
                .body(encode(fhir, resource));
    }

    /** The answer as bytes: Spring would otherwise encode a String twice, once only to count its length. */
    ResponseEntity<byte[]> respond(FhirContext fhir, FhirJson json, int status, IBaseResource resource) {
        String body = xml || pretty ? encode(fhir, resource) : json.encode(resource);
        return ResponseEntity.status(status).contentType(mediaType()).cacheControl(CacheControl.noStore())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
