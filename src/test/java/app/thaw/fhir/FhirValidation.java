package app.thaw.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

import app.thaw.fhir.mapping.Instruments;
import app.thaw.fhir.mapping.QuestionnaireMapper;
import app.thaw.intake.questionnaire.QuestionnaireLoader;

/**
 * HAPI's validator against base R4, offline, made once per test JVM (loading the R4 definitions takes ~30 s here).
 * Thaw's published questionnaires are known to it, so each QuestionnaireResponse is also checked against the exact
 * questionnaire version it points at.
 */
final class FhirValidation {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;

    private FhirValidation() {
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            var mapper = new QuestionnaireMapper(Instruments.standard());
            List<Questionnaire> known = List.of("questionnaire/intake-v1.yaml", "questionnaire/intake-v2.yaml",
                    "questionnaire/phq9-v1.yaml", "questionnaire/measures/phq9-v1.yaml",
                    "questionnaire/measures/gad7-v1.yaml", "questionnaire/measures/feelings-v1.yaml",
                    "questionnaire/measures/csi4-v1.yaml", "questionnaire/measures/csi4-v2.yaml",
                    "questionnaire/measures/partner-safety-v1.yaml").stream()
                    .map(path -> mapper.toFhir(QuestionnaireLoader.loadClasspath(path))).toList();
            IValidationSupport questionnaires = new IValidationSupport() {
                @Override
                public FhirContext getFhirContext() {
                    return FHIR;
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
                    if (type != null && !type.isAssignableFrom(Questionnaire.class)) {
                        return null;
                    }
                    return (T) known.stream().filter(q -> uri.equals(q.getUrl())
                            || uri.equals(q.getUrl() + "|" + q.getVersion())).findFirst().orElse(null);
                }
            };
            var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR), questionnaires,
                    new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
                    new SnapshotGeneratingValidationSupport(FHIR));
            var instance = new FhirInstanceValidator(chain);
            instance.setAnyExtensionsAllowed(true);
            validator = FHIR.newValidator().registerValidatorModule(instance);
        }
        return validator;
    }

    /** Errors and fatal problems only; warnings and information are printed for a look. */
    static List<SingleValidationMessage> errors(IBaseResource resource) {
        var result = validator().validateWithResult(resource);
        result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> System.out.println("[fhir validation] " + resource.fhirType() + " WARNING "
                        + m.getLocationString() + ": " + m.getMessage()));
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    static void assertValid(IBaseResource resource) {
        List<SingleValidationMessage> errors = errors(resource);
        assertThat(errors).as("validation errors of %s %s:%n%s", resource.fhirType(),
                resource.getIdElement().getIdPart(), String.join("\n", errors.stream()
                        .map(m -> m.getLocationString() + ": " + m.getMessage()).toList())).isEmpty();
    }

    /** Parses what the API sent, then validates it as received. */
    static IBaseResource assertValidJson(String json) {
        IBaseResource resource = FHIR.newJsonParser().parseResource(json);
        assertValid(resource);
        return resource;
    }
}
