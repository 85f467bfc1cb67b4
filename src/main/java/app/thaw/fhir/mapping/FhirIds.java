package app.thaw.fhir.mapping;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resource ids of a case's resources all start with its reference, so a read names the case the policy must allow
 * before anything is loaded: Patient/THW-ABC123, QuestionnaireResponse/THW-ABC123-intake,
 * Observation/THW-ABC123-intake-phq9, Flag/THW-ABC123-intake-phq9-item9, Appointment/THW-ABC123-s42,
 * ServiceRequest/THW-ABC123-r7, Bundle/THW-ABC123.
 */
public final class FhirIds {

    private static final Pattern CASE_ID = Pattern.compile("(THW-[0-9A-Z]{6})(?:-(.{1,50}))?");

    private FhirIds() {
    }

    /** A case resource id split into the case reference and the part naming the resource within the case. */
    public record CaseId(String reference, String local) {
    }

    public static Optional<CaseId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher matcher = CASE_ID.matcher(id.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String local = matcher.group(2) == null ? "" : id.strip().substring(matcher.end(1) + 1);
        return Optional.of(new CaseId(matcher.group(1), local));
    }

    public static String response(String reference, AnsweredQuestionnaire response) {
        return reference + "-" + response.key();
    }

    public static String score(String reference, AnsweredQuestionnaire response, String scoreId) {
        return response(reference, response) + "-" + ThawFhir.idPart(scoreId);
    }

    public static String flag(String reference, AnsweredQuestionnaire response, String ruleId) {
        return response(reference, response) + "-" + ThawFhir.idPart(ruleId);
    }

    public static String session(String reference, long appointmentId) {
        return reference + "-s" + appointmentId;
    }

    public static String referral(String reference, long referralId) {
        return reference + "-r" + referralId;
    }
}
