package app.thaw.scheduling;

import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A session to book for a case; a couples session names both partners' intakes. Minutes default to the type's.
 * {@code overrideReason}: a practice manager books outside the therapist's hours, in their time away or on a closed
 * day, and says why (recorded in the audit log); ignored for anyone else.
 */
public record BookingRequest(long intakeId, @Nullable Long partnerIntakeId, long therapistId, long typeId,
                             SessionFormat format, @Nullable Long roomId, ZonedDateTime start,
                             @Nullable Integer minutes, @Nullable String overrideReason) {

    public BookingRequest(long intakeId, @Nullable Long partnerIntakeId, long therapistId, long typeId,
                          SessionFormat format, @Nullable Long roomId, ZonedDateTime start, @Nullable Integer minutes) {
        this(intakeId, partnerIntakeId, therapistId, typeId, format, roomId, start, minutes, null);
    }

    public BookingRequest at(ZonedDateTime newStart) {
        return new BookingRequest(intakeId, partnerIntakeId, therapistId, typeId, format, roomId, newStart, minutes,
                overrideReason);
    }

    public BookingRequest overriding(@Nullable String reason) {
        return new BookingRequest(intakeId, partnerIntakeId, therapistId, typeId, format, roomId, start, minutes,
                reason);
    }
}
