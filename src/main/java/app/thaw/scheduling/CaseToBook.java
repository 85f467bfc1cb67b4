package app.thaw.scheduling;

import org.jspecify.annotations.Nullable;

import app.thaw.caseaccess.GateRefusal;
import app.thaw.intake.ClientContact;

/**
 * A case as the booking screens may show it: the clients' names, contact details and stated availability (nothing
 * clinical), and what the safety gates would say to a session for the client alone and for both partners.
 *
 * @param individualGate why no session can be booked yet, if so
 * @param jointGate      why no joint session can be booked yet, if so
 */
public record CaseToBook(ClientContact client, @Nullable ClientContact partner, @Nullable GateRefusal individualGate,
                         @Nullable GateRefusal jointGate) {

    public @Nullable Long partnerIntakeId() {
        return partner == null ? null : partner.intakeId();
    }

    public String describe() {
        return client.fullName() + " (" + client.reference() + ")"
                + (partner == null ? "" : " and partner " + partner.fullName() + " (" + partner.reference() + ")");
    }
}
