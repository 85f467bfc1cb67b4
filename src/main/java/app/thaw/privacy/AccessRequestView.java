package app.thaw.privacy;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A subject access request as the practice manager and the reviewing clinician see it: dates, people and state,
 * nothing clinical (what was withheld and why stay with the clinician).
 *
 * @param daysLeft     days until the due date, 0 on the day, negative once overdue (open requests only matter)
 * @param withheldAny  the clinician withheld some information (the client is told so in general words)
 * @param extendable   still open, not yet extended and not yet due: the lawful extension is possible
 */
public record AccessRequestView(long id, long intakeId, String reference, String clientName, LocalDate receivedOn,
                                LocalDate dueOn, long daysLeft, int extensionMonths,
                                @Nullable String extensionReason, long reviewerId, String reviewerName,
                                AccessRequestStatus status, @Nullable String reviewedBy, @Nullable Instant reviewedAt,
                                boolean withheldAny, @Nullable String releasedBy, @Nullable Instant releasedAt,
                                String recordedBy, Instant recordedAt, @Nullable String withdrawalReason,
                                @Nullable Instant withdrawnAt, boolean extendable) {

    /** "12 days left", "Due today", "Overdue by 3 days", for open requests. */
    public String deadlineWords() {
        if (daysLeft == 0) {
            return "Due today";
        }
        long days = Math.abs(daysLeft);
        String count = days + (days == 1 ? " day" : " days");
        return daysLeft > 0 ? count + " left" : "Overdue by " + count;
    }
}
