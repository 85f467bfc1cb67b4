package app.thaw.review.letters;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What one outside-referral letter says; recipient, date of birth, role and registration may be null.
 *
 * @param reported the client's own answers that the service is asked to look at (their medication, their hormonal
 *                 changes), as they gave them on the intake form
 */
public record ReferralLetter(Letterhead practice, LocalDate date, String clientName,
        @Nullable LocalDate clientDateOfBirth, String clientReference, @Nullable String recipient, ReferralKind kind,
        String reason, List<ScoreLine> scores, List<ReportedAnswer> reported,
        String therapistName, String therapistRole, @Nullable String therapistRegistration) {

    public ReferralLetter {
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientReference, "clientReference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(therapistName, "therapistName");
        reason = reason == null ? "" : reason;
        scores = scores == null ? List.of() : List.copyOf(scores);
        reported = reported == null ? List.of() : List.copyOf(reported);
    }
}
