package app.thaw.fhir;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import app.thaw.base.web.PublicUrl;

/**
 * Where this server's FHIR API is reached ({@code thaw.fhir.base-url}, env {@code THAW_FHIR_BASE_URL}; blank means
 * the practice's public address + {@code /fhir/R4}): the full URLs inside a transfer-of-care document a therapist
 * downloads. API responses use the address the caller used (only allowed hosts reach the app).
 */
@ConfigurationProperties("thaw.fhir")
record FhirSettings(@Nullable String baseUrl) {

    String baseUrlOr(PublicUrl publicUrl) {
        return baseUrl != null ? baseUrl : publicUrl.link("fhir/R4");
    }

    FhirSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
    }
}
