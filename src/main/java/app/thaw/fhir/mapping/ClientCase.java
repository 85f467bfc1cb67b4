package app.thaw.fhir.mapping;

import java.util.List;
import java.util.Optional;

import app.thaw.intake.SubmittedIntake;
import app.thaw.review.ReferralRecord;
import app.thaw.scheduling.CaseSession;

/**
 * One client's side of a case, as far as the person asking may read it: who they are (their own intake), what they
 * answered (the intake, then each outcome measure, oldest first), the referrals decided and their sessions. A
 * couple's case is two of these; one never holds the other's answers.
 *
 * @param outcome the course's state by the NHS Talking Therapies definitions, as the therapist's chart words it;
 *                empty when no measure was repeated (or not read)
 */
public record ClientCase(SubmittedIntake client, List<AnsweredQuestionnaire> responses, List<ReferralRecord> referrals,
                         List<CaseSession> sessions, String outcome) {

    public ClientCase(SubmittedIntake client, List<AnsweredQuestionnaire> responses, List<ReferralRecord> referrals,
                      List<CaseSession> sessions) {
        this(client, responses, referrals, sessions, "");
    }

    public ClientCase {
        responses = List.copyOf(responses);
        referrals = List.copyOf(referrals);
        sessions = List.copyOf(sessions);
    }

    public String reference() {
        return client.reference();
    }

    public Optional<AnsweredQuestionnaire> response(String key) {
        return responses.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
