package app.thaw.scheduling;

import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/** A session to book for a case; a couples session names both partners' intakes. Minutes default to the type's. */
public record BookingRequest(long intakeId, @Nullable Long partnerIntakeId, long therapistId, long typeId,
                             SessionFormat format, @Nullable Long roomId, ZonedDateTime start,
                             @Nullable Integer minutes) {

    public BookingRequest at(ZonedDateTime newStart) {
        return new BookingRequest(intakeId, partnerIntakeId, therapistId, typeId, format, roomId, newStart, minutes);
    }
}
