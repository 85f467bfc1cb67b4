package app.thaw.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.thaw.base.PracticeProfile;
import app.thaw.base.PracticeSettings;
import app.thaw.intake.SubmittedIntake;
import app.thaw.review.letters.Letterhead;
import app.thaw.review.letters.ReferralLetter;
import app.thaw.review.letters.ReferralLetterPdf;
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
                letterKind, reason, scores, therapist.displayName(), "Couples and individual therapist", null);
        return new ReferralLetterFile("referral-" + intake.reference() + ".pdf", ReferralLetterPdf.render(letter));
    }
}
