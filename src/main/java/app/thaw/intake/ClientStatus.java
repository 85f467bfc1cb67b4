package app.thaw.intake;

import java.time.Instant;

/** What a client sees through their private status link: no answers, only where things stand. */
public record ClientStatus(String reference, IntakeStatus status, Instant submittedAt, boolean urgent,
                           RequestedType requestedType, PartnerState partnerState) {

    public enum PartnerState {
        NOT_APPLICABLE, INVITED, JOINED
    }
}
