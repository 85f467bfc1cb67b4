package app.thaw.fhir.api;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;

import jakarta.servlet.http.HttpServletRequest;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import app.thaw.fhir.DateRange;
import app.thaw.fhir.FhirReads;
import app.thaw.fhir.FhirRequestRefused;
import app.thaw.fhir.FhirSearch;
import app.thaw.fhir.FhirSearches;
import app.thaw.fhir.mapping.ThawFhir;

/**
 * {@code /fhir/R4}: read-only FHIR R4 for other clinical systems. {@code metadata} is open; everything else needs a
 * bearer token (FhirApiSecurity) and is checked, audited and mapped by the FHIR feature's services.
 */
@RestController
@RequestMapping(FhirController.BASE)
class FhirController {

    static final String BASE = "/fhir/R4";

    /** Search parameters per type (besides _count, _page, _format, _pretty); "date" works for every dated type. */
    static final Map<String, Set<String>> PARAMETERS = Map.of(
            "QuestionnaireResponse", Set.of("patient", "subject", "questionnaire", "authored", "date"),
            "Observation", Set.of("patient", "subject", "code", "date"),
            "Flag", Set.of("patient", "subject", "date"),
            "Appointment", Set.of("patient", "date"),
            "ServiceRequest", Set.of("patient", "subject", "authored", "date"),
            "Patient", Set.of("_id", "identifier"),
            "Questionnaire", Set.of("url", "version"));
    private static final Set<String> GENERAL = Set.of("_count", "_page", "_format", "_pretty");

    private final FhirReads reads;
    private final FhirSearches searches;
    private final FhirContext fhir;
    private final FhirJson json;

    FhirController(FhirReads reads, FhirSearches searches, FhirContext fhir, FhirJson json) {
        this.reads = reads;
        this.searches = searches;
        this.fhir = fhir;
        this.json = json;
    }

    @GetMapping("/metadata")
    ResponseEntity<byte[]> metadata(HttpServletRequest request) {
        return FhirFormat.of(request).respond(fhir, json, 200, CapabilityStatements.of(base(request), PARAMETERS));
    }

    @GetMapping("/{type}/{id}")
    ResponseEntity<byte[]> read(@PathVariable String type, @PathVariable String id, HttpServletRequest request) {
        FhirFormat format = FhirFormat.of(request);
        return format.respond(fhir, json, 200, reads.read(type, id, base(request)));
    }

    @GetMapping("/{type}")
    ResponseEntity<byte[]> search(@PathVariable String type, @RequestParam MultiValueMap<String, String> parameters,
                                  HttpServletRequest request) {
        FhirFormat format = FhirFormat.of(request);
        Set<String> known = PARAMETERS.get(type);
        if (known == null) {
            throw new FhirRequestRefused(FhirRequestRefused.Reason.NOT_FOUND, "This server does not serve " + type
                    + ". See " + BASE + "/metadata.");
        }
        for (String name : parameters.keySet()) {
            if (!known.contains(name) && !GENERAL.contains(name)) {
                throw FhirRequestRefused.invalid("Search parameter '" + name + "' is not supported for " + type
                        + "; supported: " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
        String reference = patient(type, parameters);
        String questionnaire = switch (type) {
            case "Questionnaire" -> single(parameters, "url") == null ? null
                    : single(parameters, "url") + (single(parameters, "version") == null ? ""
                            : "|" + single(parameters, "version"));
            default -> single(parameters, "questionnaire");
        };
        List<String> dates = new java.util.ArrayList<>(parameters.getOrDefault("date", List.of()));
        dates.addAll(parameters.getOrDefault("authored", List.of()));
        var search = new FhirSearch(type, reference, questionnaire, DateRange.parse(dates),
                single(parameters, "code"), integer(parameters, "_count", FhirSearch.DEFAULT_COUNT),
                parameters.containsKey("_page") ? (long) integer(parameters, "_page", 0) : null);
        FhirSearches.Page page = searches.search(search);
        return format.respond(fhir, json, 200, searchset(request, page));
    }

    /** The API is read-only, and serves nothing else under its base. */
    @RequestMapping(path = "/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    ResponseEntity<byte[]> other(HttpServletRequest request) {
        if (!request.getMethod().equals("GET")) {
            throw new FhirRequestRefused(FhirRequestRefused.Reason.NOT_ALLOWED,
                    "This FHIR API is read-only: " + request.getMethod() + " is not supported.");
        }
        throw new FhirRequestRefused(FhirRequestRefused.Reason.NOT_FOUND,
                "Nothing is served at this address. See " + BASE + "/metadata.");
    }

    private Bundle searchset(HttpServletRequest request, FhirSearches.Page page) {
        String base = base(request);
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setTimestamp(new Date());
        if (page.total() != null) {
            bundle.setTotal(page.total());
        }
        String self = ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
        bundle.addLink().setRelation("self").setUrl(self);
        if (page.next() != null) {
            bundle.addLink().setRelation("next").setUrl(UriComponentsBuilder.fromUriString(self)
                    .replaceQueryParam("_page", page.next()).build().toUriString());
        }
        for (Resource resource : page.matches()) {
            bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The case reference a search is for: patient=Patient/THW-…, subject=…, or a Patient's own _id/identifier. */
    private static @Nullable String patient(String type, MultiValueMap<String, String> parameters) {
        String value = type.equals("Patient") ? single(parameters, "_id") : single(parameters, "patient");
        if (value == null) {
            value = single(parameters, "subject");
        }
        if (value == null && type.equals("Patient")) {
            String identifier = single(parameters, "identifier");
            if (identifier != null) {
                value = identifier.startsWith(ThawFhir.CASE_REFERENCE + "|")
                        ? identifier.substring(ThawFhir.CASE_REFERENCE.length() + 1)
                        : identifier.contains("|") ? "" : identifier;
            }
        }
        if (value == null) {
            if (type.equals("Patient")) {
                throw FhirRequestRefused.invalid("Searching Patient needs _id or identifier.");
            }
            return null;
        }
        String reference = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
        return reference.strip();
    }

    private static @Nullable String single(MultiValueMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw FhirRequestRefused.invalid("Give '" + name + "' once.");
        }
        return values.getFirst().isBlank() ? null : values.getFirst().strip();
    }

    private static int integer(MultiValueMap<String, String> parameters, String name, int fallback) {
        String value = single(parameters, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw FhirRequestRefused.invalid("'" + name + "' must be a whole number.");
        }
    }

    /** The base the caller used (behind a proxy, its forwarded address). */
    static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(BASE).build().toUriString();
    }
}
