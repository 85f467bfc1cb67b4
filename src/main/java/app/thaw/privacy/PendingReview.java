package app.thaw.privacy;

import java.time.LocalDate;
import java.util.List;

/**
 * A subject access review a leaving clinician still has to do: the request, its case, when it is due, and the
 * colleagues who may take it over (the case's therapist or one who has seen the client; none until the case has one).
 */
public record PendingReview(long requestId, long intakeId, String reference, LocalDate due,
                            List<ReviewerChoice.Reviewer> others) {
}
