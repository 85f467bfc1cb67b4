package app.thaw.fhir;

import ca.uhn.fhir.context.FhirContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.thaw.fhir.mapping.CareResources;
import app.thaw.fhir.mapping.CaseResources;
import app.thaw.fhir.mapping.Instruments;
import app.thaw.fhir.mapping.QuestionnaireImporter;
import app.thaw.fhir.mapping.QuestionnaireMapper;
import app.thaw.fhir.mapping.TransferDocument;

/** HAPI's R4 context (made once: scanning the model is costly) and the mappers built on it. */
@Configuration
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    QuestionnaireMapper questionnaireMapper() {
        return new QuestionnaireMapper(Instruments.standard());
    }

    @Bean
    QuestionnaireImporter questionnaireImporter() {
        return new QuestionnaireImporter(Instruments.standard());
    }

    @Bean
    CaseResources caseResources(QuestionnaireMapper questionnaires) {
        return new CaseResources(questionnaires, Instruments.standard());
    }

    @Bean
    CareResources careResources() {
        return new CareResources();
    }

    @Bean
    TransferDocument transferDocument(QuestionnaireMapper questionnaires, CaseResources resources,
                                      CareResources care) {
        return new TransferDocument(questionnaires, resources, care);
    }
}
