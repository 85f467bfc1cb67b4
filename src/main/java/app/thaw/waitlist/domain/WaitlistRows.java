package app.thaw.waitlist.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The waiting list's rows as the store reads them; nothing clinical. */
public final class WaitlistRows {

    private WaitlistRows() {
    }

    public record Entry(long id, long intakeId, @Nullable Long partnerIntakeId, String service, @Nullable String format,
                        @Nullable Long preferredTherapistId, boolean urgent, Instant addedAt, String state,
                        @Nullable Instant leftAt, @Nullable Long appointmentId) {

        public boolean waiting() {
            return "WAITING".equals(state);
        }
    }

    public record Offer(long id, long entryId, Instant createdAt, Instant expiresAt, String state,
                        @Nullable Long appointmentId, @Nullable Long chosenBy, boolean backfill) {

        public boolean open() {
            return "OPEN".equals(state);
        }
    }

    public record Slot(long id, long therapistId, @Nullable Long roomId, @Nullable String roomName, long typeId,
                       String typeLabel, String format, Instant startsAt, Instant endsAt, Instant heldUntil,
                       String state) {

        public boolean held() {
            return "HELD".equals(state);
        }
    }

    /** A waiting case as the list shows it, with its open or last offer. */
    public record Waiting(Entry entry, @Nullable String offerState, @Nullable Instant offerExpiresAt) {
    }

    public record Wait(String service, long count, double medianDays, double p90Days) {
    }
}
