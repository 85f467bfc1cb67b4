package app.thaw.review.domain;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** The review's free-text clinical columns, encrypted at rest (ADR 5). */
public final class EncryptedColumns {

    private EncryptedColumns() {
    }

    @Component
    @Converter
    public static class NoteBody extends EncryptedText {
        public NoteBody(FieldCipher cipher) {
            super(cipher, "case_note", "body", "case_note_no_change");
        }
    }

    @Component
    @Converter
    public static class ReferralReason extends EncryptedText {
        public ReferralReason(FieldCipher cipher) {
            super(cipher, "referral", "reason", null);
        }
    }

    @Component
    @Converter
    public static class PartnerFearDecision extends EncryptedText {
        public PartnerFearDecision(FieldCipher cipher) {
            super(cipher, "referral", "partner_fear_decision", null);
        }
    }

    @Component
    @Converter
    public static class RiskAcknowledgementNote extends EncryptedText {
        public RiskAcknowledgementNote(FieldCipher cipher) {
            super(cipher, "review_case", "risk_acknowledgement_note", null);
        }

        @Override
        public String idColumn() {
            return "intake_id";
        }
    }
}
