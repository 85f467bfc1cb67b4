package app.thaw.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.Score;

/** A submitted intake as a therapist reads it, with the exact questionnaire version it answered. Clinical content. */
public record SubmittedIntake(long id, String reference, String fullName, @Nullable String preferredName,
                              @Nullable LocalDate dateOfBirth, String email, String phone, IntakeStatus status,
                              RequestedType requestedType, boolean urgent, QuestionnaireDefinition questionnaire,
                              Answers answers, List<Score> scores, List<RiskFlag> riskFlags,
                              @Nullable Long coupleCaseId, Instant submittedAt, List<Amendment> amendments) {

    /** Where intake-v2 asks which ways of contact are safe: a correction of it changes what the practice may send. */
    public static final String SAFE_CONTACT_ITEM = "about.contact_safe";

    /**
     * What a therapist may correct when the client tells them: any one-answer question but a consent, the safe ways of
     * contact ("you can change this at any time by calling the practice") and the days and times that suit ("nothing
     * here is fixed").
     */
    public static boolean correctable(app.thaw.intake.questionnaire.Item item) {
        return item.kind().isSingleValued() && item.kind() != app.thaw.intake.questionnaire.ItemKind.CONSENT
                || item.id().equals(SAFE_CONTACT_ITEM) || item.id().startsWith("preferences.");
    }

    /** The latest correction of an answer, if any; the submitted answer itself never changes. */
    public java.util.Optional<Amendment> latestAmendment(String itemId) {
        return amendments.stream().filter(a -> a.itemId().equals(itemId)).reduce((first, second) -> second);
    }

    /** The same intake with its corrections as they stand now; the answers read before are kept as they are. */
    public SubmittedIntake withAmendments(List<Amendment> current) {
        return new SubmittedIntake(id, reference, fullName, preferredName, dateOfBirth, email, phone, status,
                requestedType, urgent, questionnaire, answers, scores, riskFlags, coupleCaseId, submittedAt,
                List.copyOf(current));
    }

    /**
     * The ways of contact the client last said are safe (a correction counts): email, phone, text, voicemail; empty
     * when none is.
     */
    public java.util.Set<String> safeContactWays() {
        return latestAmendment(SAFE_CONTACT_ITEM)
                .map(amended -> ClientStatuses.contactWays(Answers.of(java.util.Map.of(SAFE_CONTACT_ITEM,
                        amended.values()))))
                .orElseGet(() -> ClientStatuses.contactWays(answers));
    }

    /** The answer as it stands now: the latest correction, else what the client wrote. */
    public String currentText(String itemId, String written) {
        return latestAmendment(itemId).filter(a -> !a.values().isEmpty()).map(a -> a.values().getFirst())
                .orElse(written);
    }

    public boolean hasRiskFlag(String ruleId) {
        return riskFlags.stream().anyMatch(flag -> flag.ruleId().equals(ruleId));
    }
}
