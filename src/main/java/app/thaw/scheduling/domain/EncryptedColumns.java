package app.thaw.scheduling.domain;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import app.thaw.base.crypto.EncryptedText;
import app.thaw.base.crypto.FieldCipher;

/** The diary's free-text columns that may carry clinical content, encrypted at rest (ADR 5). */
public final class EncryptedColumns {

    private EncryptedColumns() {
    }

    @Component
    @Converter
    public static class CancelReason extends EncryptedText {
        public CancelReason(FieldCipher cipher) {
            super(cipher, "appointment", "cancel_reason", null);
        }
    }

    @Component
    @Converter
    public static class RequestMessage extends EncryptedText {
        public RequestMessage(FieldCipher cipher) {
            super(cipher, "appointment_request", "message", null);
        }
    }
}
