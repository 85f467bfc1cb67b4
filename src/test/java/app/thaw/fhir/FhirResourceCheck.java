package app.thaw.fhir;

import java.util.List;

/** The tests' HAPI validation for the benchmarks (src/bench), which check the generated data's resources too. */
public final class FhirResourceCheck {

    private FhirResourceCheck() {
    }

    /** Validation errors of a resource as JSON, each as "location: message"; empty when valid. */
    public static List<String> errors(String json) {
        return FhirValidation.errors(FhirValidation.FHIR.newJsonParser().parseResource(json)).stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    }
}
