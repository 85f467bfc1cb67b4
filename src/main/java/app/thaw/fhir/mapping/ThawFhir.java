package app.thaw.fhir.mapping;

import java.util.Locale;

/**
 * The canonical URLs and identifier systems Thaw publishes its resources under. They name the software's own
 * definitions, so they are the same for every practice running Thaw.
 */
public final class ThawFhir {

    public static final String BASE = "https://thaw.app/fhir";
    public static final String QUESTIONNAIRE = BASE + "/Questionnaire/";
    public static final String EXTENSION = BASE + "/StructureDefinition/";
    public static final String CODE_SYSTEM = BASE + "/CodeSystem/";
    /** The case reference (THW-XXXXXX) a client quotes on the phone, as a business identifier. */
    public static final String CASE_REFERENCE = BASE + "/sid/case-reference";
    public static final String LOINC = "http://loinc.org";

    public static final String EXT_PRIVACY_NOTICE = EXTENSION + "privacy-notice-version";
    public static final String EXT_SCALE = EXTENSION + "answer-scale";
    public static final String EXT_ITEM_KIND = EXTENSION + "item-kind";
    public static final String EXT_ADULT_ONLY = EXTENSION + "adult-only";
    public static final String EXT_REQUIRED_MESSAGE = EXTENSION + "required-message";
    public static final String EXT_SCORE = EXTENSION + "score";
    public static final String EXT_RISK_RULE = EXTENSION + "risk-rule";
    public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    public static final String OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";
    public static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

    public static final String SCORE_CODES = CODE_SYSTEM + "score";
    public static final String RISK_RULE_CODES = CODE_SYSTEM + "risk-rule";
    public static final String REFERRAL_KIND_CODES = CODE_SYSTEM + "referral-kind";

    private ThawFhir() {
    }

    public static String questionnaireUrl(String questionnaireId) {
        return QUESTIONNAIRE + questionnaireId;
    }

    /** The exact version asked, as QuestionnaireResponse.questionnaire holds it. */
    public static String canonical(String questionnaireId, int version) {
        return questionnaireUrl(questionnaireId) + "|" + version;
    }

    /** Where the answer codes of one scale or item live: beside the questionnaire that asks them. */
    public static String answerSystem(String questionnaireId, String scaleOrItemId) {
        return questionnaireUrl(questionnaireId) + "/answers/" + scaleOrItemId;
    }

    /** A FHIR id part from a Thaw id: ids allow letters, digits, '-' and '.', never '_'. */
    public static String idPart(String thawId) {
        return thawId.replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** "intake-v1": one version of a questionnaire as a resource id. */
    public static String questionnaireId(String questionnaireId, int version) {
        return idPart(questionnaireId) + "-v" + version;
    }
}
