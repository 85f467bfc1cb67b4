package app.thaw.intake;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Who a client is, what they consented to and whom they are linked with: the data-protection view of one
 * intake, with nothing clinical in it.
 *
 * @param partner the linked partner's intake in a couple case; null when none has joined (yet)
 */
public record ClientIdentity(long intakeId, String reference, String fullName, @Nullable String preferredName,
                             @Nullable LocalDate dateOfBirth, String email, String phone, IntakeStatus status,
                             RequestedType requestedType, Instant submittedAt, ConsentRecord consent,
                             CoupleLink coupleLink, @Nullable Partner partner) {

    public enum CoupleLink {
        NONE("Not part of a couple case"),
        INVITED("Partner invited, not joined"),
        LINKED("Linked with a partner's intake");

        private final String label;

        CoupleLink(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The partner as the client's own records may mention them, so an export can leave them out. */
    public record Partner(long intakeId, String reference, String fullName, @Nullable String preferredName,
                          String email, String phone) {
    }
}
