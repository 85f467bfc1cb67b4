package app.thaw.fhir;

import org.jspecify.annotations.Nullable;

/**
 * One search of the FHIR API.
 *
 * @param type          the resource type searched
 * @param reference     the patient (case reference) searched for; null searches every case (QuestionnaireResponse only)
 * @param questionnaire a canonical URL, with {@code |version} for one version
 * @param code          an Observation code, {@code system|code} or just the code
 * @param count         page size (1 to {@link #MAX_COUNT})
 * @param after         the cursor of the next page: across the practice the last intake id of the previous page, for
 *                      one patient how many matches the previous pages held
 */
public record FhirSearch(String type, @Nullable String reference, @Nullable String questionnaire, DateRange dates,
                         @Nullable String code, int count, @Nullable Long after) {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 200;

    public FhirSearch {
        count = Math.clamp(count, 1, MAX_COUNT);
        dates = dates == null ? DateRange.ANY : dates;
    }
}
