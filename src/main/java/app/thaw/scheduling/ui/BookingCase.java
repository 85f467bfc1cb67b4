package app.thaw.scheduling.ui;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import app.thaw.intake.ClientContact;
import app.thaw.intake.SubmittedIntakes;

/** The case a session is booked for, found by its reference, with the partner when it is a couple's case. */
record BookingCase(ClientContact client, @Nullable ClientContact partner) {

    static Optional<BookingCase> find(SubmittedIntakes intakes, String reference) {
        String text = reference == null ? "" : reference.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return intakes.idOfReference(text).flatMap(intakes::contact).map(client -> new BookingCase(client,
                partnerOf(intakes, client)));
    }

    private static @Nullable ClientContact partnerOf(SubmittedIntakes intakes, ClientContact client) {
        if (client.coupleCaseId() == null) {
            return null;
        }
        return intakes.coupleMembers(client.coupleCaseId()).stream()
                .filter(id -> id != client.intakeId())
                .findFirst()
                .flatMap(intakes::contact)
                .orElse(null);
    }

    @Nullable Long partnerIntakeId() {
        return partner == null ? null : partner.intakeId();
    }

    String describe() {
        return client.fullName() + " (" + client.reference() + ")"
                + (partner == null ? "" : " and partner " + partner.fullName() + " (" + partner.reference() + ")");
    }
}
