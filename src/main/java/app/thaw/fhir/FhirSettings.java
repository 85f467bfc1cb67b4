package app.thaw.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where this server's FHIR API is reached ({@code thaw.fhir.base-url}, env {@code THAW_FHIR_BASE_URL}): the full URLs
 * inside a transfer-of-care document a therapist downloads. API responses use the address the caller used.
 */
@ConfigurationProperties("thaw.fhir")
record FhirSettings(String baseUrl) {

    FhirSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080/fhir/R4" : baseUrl.replaceAll("/+$", "");
    }
}
