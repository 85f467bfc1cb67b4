package app.thaw.fhir.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ca.uhn.fhir.context.FhirContext;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;

import app.thaw.fhir.mapping.QuestionnaireMapper;

/**
 * Compact JSON for the API's answers, by HAPI's encoder. A published Questionnaire inside a Bundle (nine tenths of a
 * transfer-of-care document, the same for every client who answered that version) is encoded once per version and
 * copied into each document where HAPI writes a placeholder in its place; the text is the same as HAPI writes for the
 * whole bundle (FhirJsonTest compares them).
 */
@Component
public class FhirJson {

    private static final String PLACEHOLDER = "thaw-published-questionnaire-";

    /** A published Questionnaire's JSON, with the very instance it was encoded from. */
    private record Encoded(Questionnaire questionnaire, String json) {
    }

    private final FhirContext fhir;
    private final QuestionnaireMapper questionnaires;
    private final Map<String, Encoded> encoded = new ConcurrentHashMap<>();

    FhirJson(FhirContext fhir, QuestionnaireMapper questionnaires) {
        this.fhir = fhir;
        this.questionnaires = questionnaires;
    }

    public String encode(IBaseResource resource) {
        if (!(resource instanceof Bundle bundle)) {
            return fhir.newJsonParser().encodeResourceToString(resource);
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        List<Runnable> restore = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Questionnaire questionnaire && questionnaires.isPublished(questionnaire)) {
                var placeholder = new Questionnaire();
                placeholder.setId(PLACEHOLDER + placeholders.size());
                placeholders.put(fhir.newJsonParser().encodeResourceToString(placeholder), json(questionnaire));
                entry.setResource(placeholder);
                restore.add(() -> entry.setResource(questionnaire));
            }
        }
        String json;
        try {
            json = fhir.newJsonParser().encodeResourceToString(bundle);
        } finally {
            restore.forEach(Runnable::run);
        }
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            int at = json.indexOf(placeholder.getKey());
            if (at < 0 || json.indexOf(placeholder.getKey(), at + 1) >= 0) {
                // not written as expected (another HAPI version): the whole bundle the slow way
                return fhir.newJsonParser().encodeResourceToString(bundle);
            }
            json = json.substring(0, at) + placeholder.getValue() + json.substring(at + placeholder.getKey().length());
        }
        return json;
    }

    private String json(Questionnaire questionnaire) {
        String key = questionnaire.getUrl() + "|" + questionnaire.getVersion();
        Encoded cached = encoded.get(key);
        if (cached != null && cached.questionnaire() == questionnaire) {
            return cached.json();
        }
        String json = fhir.newJsonParser().encodeResourceToString(questionnaire);
        encoded.put(key, new Encoded(questionnaire, json));
        return json;
    }
}
