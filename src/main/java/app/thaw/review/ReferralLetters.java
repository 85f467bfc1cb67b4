package app.thaw.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.thaw.base.PracticeProfile;
import app.thaw.base.PracticeSettings;
import app.thaw.intake.Amendment;
import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.AnswerText;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.review.letters.Letterhead;
import app.thaw.review.letters.ReferralLetter;
import app.thaw.review.letters.ReferralLetterPdf;
import app.thaw.review.letters.ReportedAnswer;
import app.thaw.review.letters.ScoreLine;
import app.thaw.security.StaffUser;

/** Builds the letter for an outside referral from the case, the practice's letterhead and the therapist. */
@Component
class ReferralLetters {

    /** Standard measures a GP or NHS service recognises; the article scores stay in the practice. */
    private static final Set<String> MEASURES_FOR_LETTERS = Set.of("phq9", "gad7");

    private final PracticeSettings settings;
    private final Clock clock;

    ReferralLetters(PracticeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** What a GP is asked to review, in the client's own answers (corrected ones as corrected). */
    private static final Map<ReferralKind, List<String>> REPORTED = Map.of(
            ReferralKind.GP_MEDICATION_REVIEW, List.of("medication.current", "medication.details",
                    "medication.gp_reviewed"),
            ReferralKind.GP_HORMONAL_REVIEW, List.of("medication.hormonal", "medication.hormonal_other",
                    "medication.gp_reviewed"));

    ReferralLetterFile render(SubmittedIntake intake, ReferralKind kind, String reason, StaffUser therapist) {
        var letterKind = switch (kind) {
            case GP_MEDICATION_REVIEW -> app.thaw.review.letters.ReferralKind.GP_MEDICATION_REVIEW;
            case GP_HORMONAL_REVIEW -> app.thaw.review.letters.ReferralKind.GP_HORMONAL_REVIEW;
            case NHS_TALKING_THERAPIES -> app.thaw.review.letters.ReferralKind.NHS_TALKING_THERAPIES;
            case CRISIS_SERVICE -> app.thaw.review.letters.ReferralKind.CRISIS_SERVICE;
            case COUPLES, INDIVIDUAL, BOTH -> throw new CaseActionRefused(
                    "Only an outside referral has a letter.");
        };
        List<ScoreLine> scores = intake.scores().stream()
                .filter(score -> MEASURES_FOR_LETTERS.contains(score.id()))
                .map(score -> new ScoreLine(score.label(), score.total(), score.max(), score.band()))
                .toList();
        String gp = intake.answers().single("about.gp_practice").map(String::strip).filter(s -> !s.isEmpty())
                .map(name -> "The GP, " + name).orElse(null);
        String recipient = letterKind.name().startsWith("GP_") ? gp : null;
        PracticeProfile practice = settings.profile();
        var letter = new ReferralLetter(
                new Letterhead(practice.name(), practice.addressLines(), practice.phone(), practice.email()),
                LocalDate.now(clock), intake.fullName(), intake.dateOfBirth(), intake.reference(), recipient,
                letterKind, reason, scores, reported(intake, kind), therapist.displayName(),
                "Couples and individual therapist", null);
        return new ReferralLetterFile("referral-" + intake.reference() + ".pdf", ReferralLetterPdf.render(letter));
    }

    /** Only questions this intake's questionnaire asked and the client answered; an older version may lack some. */
    private static List<ReportedAnswer> reported(SubmittedIntake intake, ReferralKind kind) {
        QuestionnaireDefinition definition = intake.questionnaire();
        var reported = new ArrayList<ReportedAnswer>();
        for (String id : REPORTED.getOrDefault(kind, List.of())) {
            definition.items().stream().filter(item -> item.id().equals(id)).findFirst().ifPresent(item -> {
                List<String> values = intake.latestAmendment(id).map(Amendment::values)
                        .orElseGet(() -> intake.answers().multi(id));
                if (values.stream().anyMatch(value -> !value.isBlank())) {
                    reported.add(new ReportedAnswer(item.text(), AnswerText.describe(definition, item, values)));
                }
            });
        }
        return reported;
    }
}
